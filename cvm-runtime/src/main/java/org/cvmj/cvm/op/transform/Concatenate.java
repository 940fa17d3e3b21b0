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
 * {@code concatenate}: joins its inputs along {@code axis} (default 1, -ndim..ndim-1). Every input must
 * have the first input's rank and the same size on every other axis; the output's {@code axis} is the sum.
 * The precision is the largest input precision.
 *
 * <p>The reference declares a variable number of inputs (the node's input count is taken as is), so
 * {@link #numInputs()} returns {@link #VARIADIC}; shape inference then requires at least one input.
 */
public record Concatenate(int axis) implements Operator {

  /** {@link #numInputs()} value meaning "any number of inputs; shape inference checks it". */
  public static final int VARIADIC = -1;

  public static Concatenate parse(OpAttrs attrs) throws OpException {
    int axis = attrs.getInt("axis", 1);
    attrs.finish();
    return new Concatenate(axis);
  }

  @Override
  public String name() {
    return "concatenate";
  }

  @Override
  public int numInputs() {
    return VARIADIC;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length >= 1, "concatenate needs at least 1 input");
    int nd = in[0].ndim();
    int a = Shapes.axis(axis, nd, "concatenate axis");
    long total = 0;
    for (int i = 0; i < in.length; i++) {
      Shape s = in[i];
      Shapes.require(s.ndim() == nd, "concatenate input %d has shape %s, expected %d dimensions like %s",
          i, s, nd, in[0]);
      for (int d = 0; d < nd; d++) {
        Shapes.require(d == a || s.dim(d) == in[0].dim(d),
            "concatenate on axis %d: input %d has shape %s, which differs from %s on axis %d", a, i, s, in[0], d);
      }
      total += s.dim(a);
    }
    long[] dims = new long[nd];
    for (int d = 0; d < nd; d++) {
      dims[d] = d == a ? total : in[0].dim(d);
    }
    return new Shape[] {Shapes.checked(dims)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(Precision.max(p));
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] ydims = out[0].shape().dims();
    int a = axis < 0 ? axis + ydims.length : axis;
    int inner = Gather.product(ydims, a + 1, ydims.length);
    int outer = Gather.product(ydims, 0, a);
    int yRow = ydims[a] * inner;
    int[] y = out[0].data();
    parallel.forRange(outer, yRow, (from, to) -> {
      for (int o = from; o < to; o++) {
        int at = o * yRow;
        for (Tensor t : in) {
          int xRow = t.shape().dim(a) * inner;
          System.arraycopy(t.data(), o * xRow, y, at, xRow);
          at += xRow;
        }
      }
    });
  }
}
