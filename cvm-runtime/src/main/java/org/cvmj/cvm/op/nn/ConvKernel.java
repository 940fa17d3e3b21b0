package org.cvmj.cvm.op.nn;

import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Tensor;

/**
 * The conv2d inner loops, as im2col plus a matrix product per group: column row k holds input tap k
 * (channel, kernel row, kernel column, in the weight's order) for every output pixel, with zeros where
 * the tap falls in the padding. The product keeps a tile of four output channels by two SIMD vectors of
 * pixels in registers while it runs over k (jdk.incubator.vector: plain loops with several accumulator
 * arrays are not vectorised by the JDK 17 JIT, and this is about ten times faster).
 *
 * <p>Work is split by blocks of output channels (and the column matrix by rows); every task writes only
 * its own outputs. int32 addition is associative modulo 2^32, so the loop order cannot change a bit.
 */
final class ConvKernel {
  private static final int BLOCK = 4;

  /** Per-thread scratch: the column matrix (caller thread) and a block's weights (every worker). */
  private static final ThreadLocal<int[]> COLUMNS = ThreadLocal.withInitial(() -> new int[0]);
  private static final ThreadLocal<int[]> WEIGHTS = ThreadLocal.withInitial(() -> new int[0]);
  private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_PREFERRED;

  private ConvKernel() {}

  static void run(Conv2d c, Tensor data, Tensor weight, Tensor bias, Tensor output, Parallel parallel) {
    int n = data.shape().dim(0);
    int ch = data.shape().dim(1);
    int h = data.shape().dim(2);
    int w = data.shape().dim(3);
    int oc = output.shape().dim(1);
    int pixels = output.shape().dim(2) * output.shape().dim(3);
    int ipg = ch / c.groups();
    int opg = oc / c.groups();
    int k = ipg * c.kernelH() * c.kernelW();
    boolean direct = c.kernelH() == 1 && c.kernelW() == 1 && c.strideH() == 1 && c.strideW() == 1
        && c.padH() == 0 && c.padW() == 0;
    int[] x = data.data();
    for (int img = 0; img < n; img++) {
      for (int g = 0; g < c.groups(); g++) {
        int planeBase = (img * ch + g * ipg) * h * w;
        int[] col;
        int colBase;
        if (direct) {
          // A 1x1 unit-stride kernel reads the input planes as they are.
          col = x;
          colBase = planeBase;
        } else {
          col = scratch(COLUMNS, k * pixels);
          colBase = 0;
          int[] cols = col;
          parallel.forRange(k, pixels, (from, to) -> {
            for (int row = from; row < to; row++) {
              im2colRow(c, x, planeBase, h, w, output, cols, row);
            }
          });
        }
        int firstOut = img * oc + g * opg;
        int blocks = (opg + BLOCK - 1) / BLOCK;
        int[] colMatrix = col;
        int colStart = colBase;
        int group = g;
        parallel.forRange(blocks, (long) BLOCK * k * pixels, (from, to) -> {
          for (int b = from; b < to; b++) {
            int first = b * BLOCK;
            int count = Math.min(BLOCK, opg - first);
            multiply(weight.data(), bias == null ? null : bias.data(), group * opg + first, count, k,
                colMatrix, colStart, pixels, output.data(), (firstOut + first) * pixels);
          }
        });
      }
    }
  }

  /** Column row {@code row} = tap (t, fh, fw) for every output pixel. */
  private static void im2colRow(Conv2d c, int[] x, int planeBase, int h, int w, Tensor output, int[] col,
      int row) {
    int kh = c.kernelH();
    int kw = c.kernelW();
    int t = row / (kh * kw);
    int fh = (row / kw) % kh;
    int fw = row % kw;
    int oh = output.shape().dim(2);
    int ow = output.shape().dim(3);
    int sw = c.strideW();
    int rowOff = fh * c.dilationH() - c.padH();
    int colOff = fw * c.dilationW() - c.padW();
    // Output columns whose input column lies inside the image.
    int qLo = colOff >= 0 ? 0 : Math.min(ow, (-colOff + sw - 1) / sw);
    int qHi = colOff >= w ? 0 : Math.min(ow, (w - colOff + sw - 1) / sw);
    qHi = Math.max(qHi, qLo);
    int src = planeBase + t * h * w;
    int dst = row * oh * ow;
    for (int r = 0; r < oh; r++, dst += ow) {
      int ih = r * c.strideH() + rowOff;
      if (ih < 0 || ih >= h) {
        Arrays.fill(col, dst, dst + ow, 0);
        continue;
      }
      Arrays.fill(col, dst, dst + qLo, 0);
      int in = src + ih * w + colOff;
      if (sw == 1) {
        System.arraycopy(x, in + qLo, col, dst + qLo, qHi - qLo);
      } else {
        for (int q = qLo; q < qHi; q++) {
          col[dst + q] = x[in + q * sw];
        }
      }
      Arrays.fill(col, dst + qHi, dst + ow, 0);
    }
  }

  /**
   * Output channels {@code [oc, oc + count)} = weights x column matrix (+ bias), written to y at yBase.
   * Each pass keeps a 4-channel by 2-vector tile of sums in registers for the whole reduction over k.
   */
  private static void multiply(int[] wt, int[] bias, int oc, int count, int k, int[] col, int colBase,
      int pixels, int[] y, int yBase) {
    // The block's weights, transposed to [k][4] and zero-padded to four channels.
    int[] w = scratch(WEIGHTS, BLOCK * k);
    for (int kk = 0; kk < k; kk++) {
      for (int i = 0; i < BLOCK; i++) {
        w[kk * BLOCK + i] = i < count ? wt[(oc + i) * k + kk] : 0;
      }
    }
    int[] b = new int[BLOCK];
    for (int i = 0; i < count && bias != null; i++) {
      b[i] = bias[oc + i];
    }
    int j = vectorTiles(w, b, count, k, col, colBase, pixels, y, yBase);
    for (; j < pixels; j++) {
      for (int i = 0; i < count; i++) {
        int acc = b[i];
        for (int kk = 0; kk < k; kk++) {
          acc += w[kk * BLOCK + i] * col[colBase + kk * pixels + j];
        }
        y[yBase + i * pixels + j] = acc;
      }
    }
  }

  /**
   * The SIMD part of {@link #multiply}: whole tiles of two vectors of pixels; returns the first pixel it
   * did not cover. Kept small so that the JIT inlines every vector operation (a call left out of line
   * boxes the vectors and runs ten times slower).
   */
  private static int vectorTiles(int[] w, int[] b, int count, int k, int[] col, int colBase, int pixels,
      int[] y, int yBase) {
    int lanes = LANES.length();
    int j = 0;
    for (; j + 2 * lanes <= pixels; j += 2 * lanes) {
      IntVector a00 = IntVector.broadcast(LANES, b[0]);
      IntVector a01 = a00;
      IntVector a10 = IntVector.broadcast(LANES, b[1]);
      IntVector a11 = a10;
      IntVector a20 = IntVector.broadcast(LANES, b[2]);
      IntVector a21 = a20;
      IntVector a30 = IntVector.broadcast(LANES, b[3]);
      IntVector a31 = a30;
      for (int kk = 0, at = colBase + j; kk < k; kk++, at += pixels) {
        IntVector v0 = IntVector.fromArray(LANES, col, at);
        IntVector v1 = IntVector.fromArray(LANES, col, at + lanes);
        int wb = kk * BLOCK;
        a00 = v0.mul(w[wb]).add(a00);
        a01 = v1.mul(w[wb]).add(a01);
        a10 = v0.mul(w[wb + 1]).add(a10);
        a11 = v1.mul(w[wb + 1]).add(a11);
        a20 = v0.mul(w[wb + 2]).add(a20);
        a21 = v1.mul(w[wb + 2]).add(a21);
        a30 = v0.mul(w[wb + 3]).add(a30);
        a31 = v1.mul(w[wb + 3]).add(a31);
      }
      // Stores are unrolled: putting vectors in an array would box them.
      int at = yBase + j;
      a00.intoArray(y, at);
      a01.intoArray(y, at + lanes);
      if (count > 1) {
        a10.intoArray(y, at + pixels);
        a11.intoArray(y, at + pixels + lanes);
      }
      if (count > 2) {
        a20.intoArray(y, at + 2 * pixels);
        a21.intoArray(y, at + 2 * pixels + lanes);
      }
      if (count > 3) {
        a30.intoArray(y, at + 3 * pixels);
        a31.intoArray(y, at + 3 * pixels + lanes);
      }
    }
    return j;
  }

  private static int[] scratch(ThreadLocal<int[]> holder, int size) {
    int[] buf = holder.get();
    if (buf.length < size) {
      buf = new int[size];
      holder.set(buf);
    }
    return buf;
  }
}
