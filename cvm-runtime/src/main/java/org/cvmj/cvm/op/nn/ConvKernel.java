package org.cvmj.cvm.op.nn;

import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Tensor;

/**
 * The conv2d inner loops. Work is split by (image, output channel); each task owns its output plane, so
 * the result is independent of the thread count. For every weight tap the loop adds {@code w * x} along a
 * whole output row, which the JIT turns into SIMD integer multiply-adds when the stride is 1.
 */
final class ConvKernel {
  private ConvKernel() {}

  static void run(Conv2d c, Tensor data, Tensor weight, Tensor bias, Tensor output, Parallel parallel) {
    int n = data.shape().dim(0);
    int ch = data.shape().dim(1);
    int h = data.shape().dim(2);
    int w = data.shape().dim(3);
    int oc = output.shape().dim(1);
    int oh = output.shape().dim(2);
    int ow = output.shape().dim(3);
    int ipg = ch / c.groups();
    int opg = oc / c.groups();
    int[] x = data.data();
    int[] wt = weight.data();
    int[] b = bias == null ? null : bias.data();
    int[] y = output.data();
    int kh = c.kernelH();
    int kw = c.kernelW();
    long cost = (long) oh * ow * ipg * kh * kw;
    parallel.forRange(n * oc, cost, (from, to) -> {
      int[] acc = new int[oh * ow];
      for (int task = from; task < to; task++) {
        int img = task / oc;
        int o = task % oc;
        java.util.Arrays.fill(acc, b == null ? 0 : b[o]);
        int firstIn = (o / opg) * ipg;
        for (int t = 0; t < ipg; t++) {
          int xBase = (img * ch + firstIn + t) * h * w;
          int wBase = ((o * ipg) + t) * kh * kw;
          for (int fh = 0; fh < kh; fh++) {
            for (int fw = 0; fw < kw; fw++) {
              int wv = wt[wBase + fh * kw + fw];
              if (wv != 0) {
                tap(c, x, xBase, h, w, acc, oh, ow, fh, fw, wv);
              }
            }
          }
        }
        System.arraycopy(acc, 0, y, (img * oc + o) * oh * ow, oh * ow);
      }
    });
  }

  /** Adds {@code wv * x[ih][iw]} to every output that this tap reaches inside the image. */
  private static void tap(Conv2d c, int[] x, int xBase, int h, int w, int[] acc, int oh, int ow,
      int fh, int fw, int wv) {
    int sh = c.strideH();
    int sw = c.strideW();
    int rowOff = fh * c.dilationH() - c.padH();
    int colOff = fw * c.dilationW() - c.padW();
    // Output columns whose input column lies in [0, w).
    int owLo = colOff >= 0 ? 0 : ceilDiv(-colOff, sw);
    int owHi = Math.min(ow, colOff >= w ? 0 : ceilDiv(w - colOff, sw));
    if (owLo >= owHi) {
      return;
    }
    for (int r = 0; r < oh; r++) {
      int ih = r * sh + rowOff;
      if (ih < 0 || ih >= h) {
        continue;
      }
      int xRow = xBase + ih * w + colOff;
      int aRow = r * ow;
      if (sw == 1) {
        for (int q = owLo; q < owHi; q++) {
          acc[aRow + q] += wv * x[xRow + q];
        }
      } else {
        for (int q = owLo; q < owHi; q++) {
          acc[aRow + q] += wv * x[xRow + q * sw];
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
