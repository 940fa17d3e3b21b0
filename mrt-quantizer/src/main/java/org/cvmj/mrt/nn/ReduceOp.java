package org.cvmj.mrt.nn;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * {@code sum}, {@code mean}, {@code max}, {@code min} over {@code axis} (a tuple; absent or empty means every
 * axis), or over every other axis when exclude. keepdims keeps reduced axes as size 1; reducing every axis
 * without keepdims gives shape (1,). Sums accumulate in double, in input order.
 */
final class ReduceOp extends NodeOp {
  enum Kind { SUM, MEAN, MAX, MIN }

  private final Kind kind;
  private final int[] axesAttr;
  private final boolean keepdims;
  private final boolean exclude;

  ReduceOp(FNode node, Kind kind) {
    super(node);
    this.kind = kind;
    MxAttrs a = node.typedAttrs();
    axesAttr = a.tuple("axis", new int[0]);
    keepdims = a.bool("keepdims", false);
    exclude = a.bool("exclude", false);
  }

  private boolean[] reduced(int ndim) {
    boolean[] r = new boolean[ndim];
    if (axesAttr.length == 0) {
      Arrays.fill(r, true);
      return r;
    }
    for (int a : axesAttr) {
      int i = axis("axis", a, ndim);
      if (r[i]) {
        throw fail("axis " + Arrays.toString(axesAttr) + " names axis " + i + " twice");
      }
      r[i] = true;
    }
    if (exclude) {
      for (int i = 0; i < ndim; i++) {
        r[i] = !r[i];
      }
    }
    return r;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    Shape s = in[0];
    boolean[] r = reduced(s.ndim());
    int[] out = new int[s.ndim()];
    int n = 0;
    for (int i = 0; i < s.ndim(); i++) {
      if (!r[i]) {
        out[n++] = s.dim(i);
      } else if (keepdims) {
        out[n++] = 1;
      }
    }
    return one(n == 0 ? Shape.of(1) : Shape.of(Arrays.copyOf(out, n)));
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape s = in[0].shape();
    Shape os = inferShapes(shapesOf(in))[0];
    boolean[] r = reduced(s.ndim());
    // For each input axis, the stride of its index in the output (0 when reduced).
    int nd = s.ndim();
    int[] outStride = new int[nd];
    int acc = 1;
    long count = 1;
    for (int i = nd - 1; i >= 0; i--) {
      if (r[i]) {
        count *= s.dim(i);
      } else {
        outStride[i] = acc;
        acc *= s.dim(i);
      }
    }
    float[] x = in[0].data();
    int outSize = Math.toIntExact(os.size());
    double[] a = new double[outSize];
    if (kind == Kind.MAX || kind == Kind.MIN) {
      Arrays.fill(a, kind == Kind.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    int[] size = s.dims();
    int[] idx = new int[nd];
    int o = 0;
    int inner = nd == 0 ? 1 : size[nd - 1];
    int innerStride = nd == 0 ? 0 : outStride[nd - 1];
    for (int base = 0; base < x.length; base += inner) {
      accumulate(x, base, inner, a, o, innerStride);
      // Odometer over all axes but the last.
      for (int i = nd - 2; i >= 0; i--) {
        if (++idx[i] < size[i]) {
          o += outStride[i];
          break;
        }
        o -= outStride[i] * (size[i] - 1);
        idx[i] = 0;
      }
    }
    float[] y = new float[outSize];
    for (int i = 0; i < outSize; i++) {
      y[i] = (float) (kind == Kind.MEAN ? a[i] / count : a[i]);
    }
    return new FTensor[] {new FTensor(os, y)};
  }

  /** Folds x[base .. base+n) into a[o + j*stride]. */
  private void accumulate(float[] x, int base, int n, double[] a, int o, int stride) {
    switch (kind) {
      case SUM, MEAN -> {
        if (stride == 0) {
          double t = a[o];
          for (int j = 0; j < n; j++) {
            t += x[base + j];
          }
          a[o] = t;
        } else {
          for (int j = 0; j < n; j++) {
            a[o + j] += x[base + j];
          }
        }
      }
      case MAX -> {
        for (int j = 0; j < n; j++) {
          a[o + j * stride] = Math.max(a[o + j * stride], x[base + j]);
        }
      }
      case MIN -> {
        for (int j = 0; j < n; j++) {
          a[o + j * stride] = Math.min(a[o + j * stride], x[base + j]);
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }
}
