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
 * <p>Each plane is pooled separably, rows then columns, in branch-free vector folds over flat runs (see
 * {@link SlidingFold}); padding is materialised in a scratch plane. Average divisor, as MXNet computes it: with count_include_pad (default True) the window clipped to the
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
    Window rows = new Window(global ? h : kernel[0], global ? 1 : stride[0], global ? 0 : pad[0], h, os.dim(2));
    Window cols = new Window(global ? w : kernel[1], global ? 1 : stride[1], global ? 0 : pad[1], w, os.dim(3));
    float[] divisor = type == Type.AVG ? divisors(rows, cols) : null;
    boolean[] empty = emptyWindows(rows, cols);
    // The padded plane that holds every window: real input, padding and any 'full' overhang.
    int hp = (rows.out - 1) * rows.stride + rows.k;
    int wp = (cols.out - 1) * cols.stride + cols.k;
    boolean direct = rows.pad == 0 && cols.pad == 0 && hp <= h && wp <= w;
    int ld = direct ? w : wp;
    int vertical = ((rows.out - 1) * rows.stride + 1) * ld;
    int horizontal = vertical - cols.k + 1;
    float fill = type == Type.MAX ? Float.NEGATIVE_INFINITY : 0f;
    float[] x = in[0].data();
    float[] y = new float[Math.toIntExact(os.size())];
    int planeOut = rows.out * cols.out;
    BatchSplit.run(planes, (long) vertical * (rows.k + cols.k), (from, to) -> {
      float[] padded = direct ? null : new float[hp * wp];
      float[] t = new float[vertical];
      float[] u = new float[horizontal];
      for (int p = from; p < to; p++) {
        float[] src = x;
        int off = p * h * w;
        if (!direct) {
          fillPadded(x, off, h, w, rows.pad, cols.pad, padded, hp, wp, fill);
          src = padded;
          off = 0;
        }
        if (type == Type.MAX) {
          SlidingFold.max(src, off, ld, rows.k, t, vertical);
          SlidingFold.max(t, 0, 1, cols.k, u, horizontal);
        } else {
          SlidingFold.sum(src, off, ld, rows.k, t, vertical);
          SlidingFold.sum(t, 0, 1, cols.k, u, horizontal);
        }
        int o = p * planeOut;
        for (int oy = 0; oy < rows.out; oy++) {
          int r = oy * rows.stride * ld;
          for (int ox = 0; ox < cols.out; ox++, o++) {
            float v = u[r + ox * cols.stride];
            y[o] = divisor == null ? v : v / divisor[oy * cols.out + ox];
            if (empty != null && empty[oy * cols.out + ox]) {
              y[o] = type == Type.MAX ? -Float.MAX_VALUE : 0f;
            }
          }
        }
      }
    });
    return new FTensor[] {new FTensor(os, y)};
  }

  private static void fillPadded(float[] x, int off, int h, int w, int ph, int pw, float[] padded, int hp, int wp,
      float fill) {
    java.util.Arrays.fill(padded, fill);
    for (int iy = 0; iy < h && iy + ph < hp; iy++) {
      System.arraycopy(x, off + iy * w, padded, (iy + ph) * wp + pw, Math.min(w, wp - pw));
    }
  }

  /**
   * Output cells whose window holds no input cell (a 'full' window past the end, or one inside wide
   * padding), or null when there are none. MXNet gives max its initial value, the lowest float, and sum 0;
   * its average divides 0 by a count that can be 0, and 0 is given here instead of that NaN.
   */
  private static boolean[] emptyWindows(Window rows, Window cols) {
    boolean[] e = null;
    for (int oy = 0; oy < rows.out; oy++) {
      for (int ox = 0; ox < cols.out; ox++) {
        if (rows.lo[oy] == rows.hi[oy] || cols.lo[ox] == cols.hi[ox]) {
          if (e == null) {
            e = new boolean[rows.out * cols.out];
          }
          e[oy * cols.out + ox] = true;
        }
      }
    }
    return e;
  }

  /** The average's divisor per output cell, as MXNet counts it. */
  private float[] divisors(Window rows, Window cols) {
    float[] d = new float[rows.out * cols.out];
    for (int oy = 0; oy < rows.out; oy++) {
      for (int ox = 0; ox < cols.out; ox++) {
        int count = countPad ? rows.padded[oy] * cols.padded[ox]
            : (rows.hi[oy] - rows.lo[oy]) * (cols.hi[ox] - cols.lo[ox]);
        d[oy * cols.out + ox] = Math.max(count, 1); // count 0 only for empty windows, see emptyWindows

      }
    }
    return d;
  }

  /**
   * The windows along one axis: for output i, the input range [lo, hi) clipped to the real input, and the
   * extent it has within the padded input (MXNet's divisor with count_include_pad).
   */
  private static final class Window {
    final int k;
    final int stride;
    final int pad;
    final int out;
    final int[] lo;
    final int[] hi;
    final int[] padded;

    Window(int k, int stride, int pad, int size, int out) {
      this.k = k;
      this.stride = stride;
      this.pad = pad;
      this.out = out;
      lo = new int[out];
      hi = new int[out];
      padded = new int[out];
      for (int i = 0; i < out; i++) {
        int s = i * stride - pad;
        int e = Math.min(s + k, size + pad);
        padded[i] = e - s;
        lo[i] = Math.max(s, 0);
        hi[i] = Math.max(lo[i], Math.min(e, size));
      }
    }
  }
}
