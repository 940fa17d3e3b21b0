package org.cvmj.cvm.op.nn;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code max_pool2d}, NCHW. Taps that fall in the padding are ignored (not read as zero), so a window over
 * negative values returns the largest negative value.
 */
public record MaxPool2d(int poolH, int poolW, int strideH, int strideW, int padH, int padW, boolean ceilMode)
    implements Operator {

  public static MaxPool2d parse(OpAttrs attrs) throws OpException {
    int[] pool = attrs.getTuple("pool_size");
    int[] strides = attrs.getTuple("strides", 1, 1);
    int[] padding = attrs.getTuple("padding", 0, 0);
    String layout = attrs.getString("layout", "NCHW");
    boolean ceilMode = attrs.getBool("ceil_mode", false);
    attrs.finish();
    Shapes.require(layout.equals("NCHW"), "layout %s is not supported (only NCHW)", layout);
    Shapes.require(pool.length == 2, "pool_size %s must have 2 values", OpAttrs.tuple(pool));
    Shapes.require(strides.length == 2, "strides %s must have 2 values", OpAttrs.tuple(strides));
    Shapes.require(padding.length == 1 || padding.length == 2, "padding %s must have 1 or 2 values",
        OpAttrs.tuple(padding));
    int ph = padding[0];
    int pw = padding.length == 2 ? padding[1] : padding[0];
    for (int i = 0; i < 2; i++) {
      Shapes.require(pool[i] >= 1 && pool[i] <= Conv2d.ATTR_MAX, "pool_size %s must be in 1..4096",
          OpAttrs.tuple(pool));
      Shapes.require(strides[i] >= 1 && strides[i] <= Conv2d.ATTR_MAX, "strides %s must be in 1..4096",
          OpAttrs.tuple(strides));
    }
    Shapes.require(ph >= 0 && ph <= Conv2d.ATTR_MAX && pw >= 0 && pw <= Conv2d.ATTR_MAX,
        "padding %s must be in 0..4096", OpAttrs.tuple(padding));
    Shapes.require(ph < pool[0] && pw < pool[1], "padding %s must be smaller than pool_size %s",
        OpAttrs.tuple(padding), OpAttrs.tuple(pool));
    return new MaxPool2d(pool[0], pool[1], strides[0], strides[1], ph, pw, ceilMode);
  }

  @Override
  public String name() {
    return "max_pool2d";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shape x = in[0];
    Shapes.requireRank(x, 4, "max_pool2d data");
    return new Shape[] {Shapes.checked(x.dim(0), x.dim(1), outDim(x.dim(2), poolH, strideH, padH),
        outDim(x.dim(3), poolW, strideW, padW))};
  }

  private long outDim(int size, int pool, int stride, int pad) throws OpException {
    long padded = size + 2L * pad;
    Shapes.require(pool <= padded, "pool size %d is larger than the padded input %d", pool, padded);
    if (!ceilMode) {
      return (padded - pool) / stride + 1;
    }
    long out = (padded - pool + stride - 1) / stride + 1;
    // The last window must start inside the input or left padding, as the reference requires.
    Shapes.require((out - 1) * stride - pad < size, "ceil_mode window %d starts past the input", out - 1);
    return out;
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public long opsPerElement(Shape[] in, Shape[] out) {
    return (long) poolH * poolW;
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    Shape xs = in[0].shape();
    Shape ys = out[0].shape();
    int h = xs.dim(2);
    int w = xs.dim(3);
    int oh = ys.dim(2);
    int ow = ys.dim(3);
    int planes = ys.dim(0) * ys.dim(1);
    parallel.forRange(planes, (long) oh * ow * poolH * poolW, (from, to) -> {
      for (int plane = from; plane < to; plane++) {
        int xb = plane * h * w;
        int yb = plane * oh * ow;
        for (int p = 0; p < oh; p++) {
          for (int q = 0; q < ow; q++) {
            int best = Integer.MIN_VALUE;
            for (int r = 0; r < poolH; r++) {
              int ih = p * strideH + r - padH;
              if (ih < 0 || ih >= h) {
                continue;
              }
              for (int s = 0; s < poolW; s++) {
                int iw = q * strideW + s - padW;
                if (iw >= 0 && iw < w) {
                  best = Math.max(best, x[xb + ih * w + iw]);
                }
              }
            }
            y[yb + p * ow + q] = best;
          }
        }
      }
    });
  }
}
