package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * MXNet {@code Pooling}, 2-D NCHW: pool_type max, avg or sum over kernel windows (stride default 1, pad
 * default 0), or over the whole plane when global_pool. Output side: valid convention
 * floor((H + 2*pad - K) / stride) + 1, full convention ceil(...) + 1.
 *
 * <p>Average divisor, as MXNet computes it: with count_include_pad (default True) the window clipped to the
 * padded input (so a 'full' window hanging past the padding counts fewer cells); without it, the window
 * clipped to the real input. Max ignores padding.
 */
final class PoolingOp extends NodeOp {
  private enum Type { MAX, AVG, SUM }

  private final Type type;
  private final boolean global;
  private final boolean full;
  private final boolean countPad;
  private final int[] kernel;
  private final int[] stride;
  private final int[] pad;

  PoolingOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    String t = a.string("pool_type", "max");
    type = switch (t) {
      case "max" -> Type.MAX;
      case "avg" -> Type.AVG;
      case "sum" -> Type.SUM;
      default -> throw a.fail("pool_type", "must be max, avg or sum for the float executor, got '" + t + "'");
    };
    global = a.bool("global_pool", false);
    String conv = a.string("pooling_convention", "valid");
    if (!conv.equals("valid") && !conv.equals("full")) {
      throw a.fail("pooling_convention", "must be valid or full, got '" + conv + "'");
    }
    full = conv.equals("full");
    countPad = a.bool("count_include_pad", true);
    String layout = a.string("layout", "NCHW");
    if (!layout.equals("NCHW")) {
      throw a.fail("layout", "must be NCHW (the float executor pools 2-D NCHW only), got " + layout);
    }
    int[] k = a.tuple("kernel", null);
    if (global) {
      kernel = null;
      stride = new int[] {1, 1};
      pad = new int[] {0, 0};
    } else {
      if (k == null) {
        throw a.fail("kernel", "is required unless global_pool is True");
      }
      if (k.length != 2) {
        throw a.fail("kernel", "has " + k.length + " values: the float executor pools 2-D NCHW only, got "
            + a.raw().get("kernel"));
      }
      kernel = k;
      stride = a.tuple("stride", 2, 1);
      pad = a.tuple("pad", 2, 0);
      for (int i = 0; i < 2; i++) {
        if (kernel[i] < 1 || stride[i] < 1 || pad[i] < 0) {
          throw fail("kernel and stride must be positive and pad non-negative, got kernel (" + kernel[0] + ", "
              + kernel[1] + ") stride (" + stride[0] + ", " + stride[1] + ") pad (" + pad[0] + ", " + pad[1] + ")");
        }
      }
    }
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    Shape d = in[0];
    expectNdim("data", d, 4);
    if (global) {
      return one(Shape.of(d.dim(0), d.dim(1), 1, 1));
    }
    return one(Shape.of(d.dim(0), d.dim(1), outSize(d.dim(2), 0), outSize(d.dim(3), 1)));
  }

  private int outSize(int size, int axis) {
    int span = size + 2 * pad[axis] - kernel[axis];
    if (span < 0) {
      throw fail("kernel " + kernel[axis] + " exceeds padded input " + (size + 2 * pad[axis]) + " along axis "
          + (axis + 2));
    }
    return (full ? Math.floorDiv(span + stride[axis] - 1, stride[axis]) : span / stride[axis]) + 1;
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape ds = in[0].shape();
    Shape os = inferShapes(shapesOf(in))[0];
    int planes = ds.dim(0) * ds.dim(1);
    int h = ds.dim(2);
    int w = ds.dim(3);
    int oh = os.dim(2);
    int ow = os.dim(3);
    int kh = global ? h : kernel[0];
    int kw = global ? w : kernel[1];
    float[] x = in[0].data();
    float[] y = new float[Math.toIntExact(os.size())];
    BatchSplit.run(planes, (long) oh * ow * kh * kw, (from, to) -> {
      for (int p = from; p < to; p++) {
        pool(x, p * h * w, h, w, kh, kw, y, p * oh * ow, oh, ow);
      }
    });
    return new FTensor[] {new FTensor(os, y)};
  }

  private void pool(float[] x, int xo, int h, int w, int kh, int kw, float[] y, int yo, int oh, int ow) {
    for (int oy = 0; oy < oh; oy++) {
      int hs = oy * stride[0] - pad[0];
      int he = Math.min(hs + kh, h + pad[0]);
      int hs0 = Math.max(hs, 0);
      int he0 = Math.min(he, h);
      for (int ox = 0; ox < ow; ox++) {
        int ws = ox * stride[1] - pad[1];
        int we = Math.min(ws + kw, w + pad[1]);
        int ws0 = Math.max(ws, 0);
        int we0 = Math.min(we, w);
        float v;
        if (type == Type.MAX) {
          v = Float.NEGATIVE_INFINITY;
          for (int iy = hs0; iy < he0; iy++) {
            for (int ix = ws0, r = xo + iy * w; ix < we0; ix++) {
              v = Math.max(v, x[r + ix]);
            }
          }
        } else {
          float s = 0;
          for (int iy = hs0; iy < he0; iy++) {
            for (int ix = ws0, r = xo + iy * w; ix < we0; ix++) {
              s += x[r + ix];
            }
          }
          if (type == Type.AVG) {
            int count = countPad ? (he - hs) * (we - ws) : (he0 - hs0) * (we0 - ws0);
            s = count > 0 ? s / count : 0;
          }
          v = s;
        }
        y[yo + oy * ow + ox] = v;
      }
    }
  }
}
