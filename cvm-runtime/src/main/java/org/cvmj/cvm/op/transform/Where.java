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
 * {@code where(cond, x, y)}: {@code x} where {@code cond} is non-zero, else {@code y}. {@code x} and
 * {@code y} must have the same shape; {@code cond} has that shape too (element by element) or is 1-D with
 * one entry per row of {@code x} (row by row).
 *
 * <p>Two deliberate departures from the reference (docs/compatibility.md):
 * <ul>
 *   <li>With a 1-D {@code cond} the whole row is copied. The reference copies only the first quarter of
 *       each row, because it passes an element count where a byte count is expected; the rest of its
 *       output is whatever the storage held before.
 *   <li>The output precision is {@code max(precision of x, precision of y)}, which bounds every value the
 *       output can hold. The reference reports the precision of {@code cond}, which does not.
 * </ul>
 */
public record Where() implements Operator {

  public static Where parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new Where();
  }

  @Override
  public String name() {
    return "where";
  }

  @Override
  public int numInputs() {
    return 3;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 3, "where takes 3 inputs, got %d", in.length);
    Shape cond = in[0];
    Shape x = in[1];
    Shape y = in[2];
    Shapes.require(x.equals(y), "where x and y must have the same shape, got %s and %s", x, y);
    if (!cond.equals(x)) {
      Shapes.require(cond.ndim() == 1 && x.ndim() >= 1 && cond.dim(0) == x.dim(0),
          "where condition %s must have the shape of x %s or be 1-D with one entry per row", cond, x);
    }
    return new Shape[] {x};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(Math.max(p[1], p[2]));
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] c = in[0].data();
    int[] a = in[1].data();
    int[] b = in[2].data();
    int[] r = out[0].data();
    if (in[0].shape().ndim() == in[1].shape().ndim()) {
      parallel.forRange(out[0].size(), 1, (from, to) -> {
        for (int i = from; i < to; i++) {
          r[i] = c[i] != 0 ? a[i] : b[i];
        }
      });
      return;
    }
    int rows = out[0].shape().dim(0);
    int row = out[0].size() / rows;
    parallel.forRange(rows, row, (from, to) -> {
      for (int i = from; i < to; i++) {
        System.arraycopy(c[i] != 0 ? a : b, i * row, r, i * row, row);
      }
    });
  }
}
