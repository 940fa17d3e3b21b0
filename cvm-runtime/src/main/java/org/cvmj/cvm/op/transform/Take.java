package org.cvmj.cvm.op.transform;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code take}: gathers elements of {@code data} at the positions in {@code indices}. With {@code axis}
 * None (the default) the output has the shape of {@code indices} and {@code y[i] = flat(data)[idx[i]]};
 * with an axis (-ndim..ndim-1) the output shape is {@code data.shape[:axis] + indices.shape +
 * data.shape[axis+1:]} and the index selects along that axis. Indices out of range are clamped to the
 * first or last position, never an error, as on every reference backend.
 */
public record Take(Integer axis) implements Operator {

  public static Take parse(OpAttrs attrs) throws OpException {
    Integer axis = attrs.getOptionalInt("axis");
    attrs.finish();
    return new Take(axis);
  }

  @Override
  public String name() {
    return "take";
  }

  @Override
  public int numInputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 2, "take takes 2 inputs, got %d", in.length);
    Shape data = in[0];
    Shape indices = in[1];
    if (axis == null) {
      return new Shape[] {indices};
    }
    int a = Shapes.axis(axis, data.ndim(), "take axis");
    int[] dims = new int[data.ndim() - 1 + indices.ndim()];
    int k = 0;
    for (int i = 0; i < data.ndim(); i++) {
      if (i == a) {
        for (int j = 0; j < indices.ndim(); j++) {
          dims[k++] = indices.dim(j);
        }
      } else {
        dims[k++] = data.dim(i);
      }
    }
    return new Shape[] {Shape.of(dims)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] idx = in[1].data();
    int[] y = out[0].data();
    if (axis == null) {
      int last = in[0].size() - 1;
      parallel.forRange(out[0].size(), 1, (from, to) -> {
        for (int i = from; i < to; i++) {
          y[i] = x[clamp(idx[i], last)];
        }
      });
      return;
    }
    int[] xdims = in[0].shape().dims();
    int a = axis < 0 ? axis + xdims.length : axis;
    int outer = Gather.product(xdims, 0, a);
    int len = xdims[a];
    int inner = Gather.product(xdims, a + 1, xdims.length);
    int m = in[1].size();
    // Output rows of `inner` elements, ordered (outer position, index position).
    parallel.forRange(outer * m, inner, (from, to) -> {
      for (int r = from; r < to; r++) {
        int o = r / m;
        int src = (o * len + clamp(idx[r - o * m], len - 1)) * inner;
        System.arraycopy(x, src, y, r * inner, inner);
      }
    });
  }

  private static int clamp(int i, int last) {
    return i < 0 ? 0 : Math.min(i, last);
  }
}
