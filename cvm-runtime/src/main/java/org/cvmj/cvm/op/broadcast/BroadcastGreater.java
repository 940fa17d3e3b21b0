package org.cvmj.cvm.op.broadcast;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code broadcast_greater}: {@code y = a > b ? 1 : 0} with numpy broadcasting.
 *
 * <p>Output precision {@code max(p_a, 2)}. The reference declares the precision of {@code a}, which is
 * unsound when {@code p_a} is 1: precision 1 admits only 0, while this operator outputs 1. Two bits hold
 * 0 and 1, so the result is raised to at least 2; for every other input precision it is the reference's.
 */
public record BroadcastGreater() implements Operator {

  public static BroadcastGreater parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new BroadcastGreater();
  }

  @Override
  public String name() {
    return "broadcast_greater";
  }

  @Override
  public int numInputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    return Broadcast.inferShapes(name(), in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(Math.max(p[0], 2));
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] a = in[0].data();
    int[] b = in[1].data();
    int[] y = out[0].data();
    Broadcast plan = Broadcast.plan(in[0].shape(), in[1].shape(), out[0].shape());
    parallel.forRange(out[0].size(), 1, (from, to) -> {
      Broadcast.Cursor c = plan.cursor(from, to);
      while (c.next()) {
        int yo = c.y;
        int ao = c.a;
        int bo = c.b;
        int n = c.length;
        if (plan.aVaries && plan.bVaries) {
          for (int k = 0; k < n; k++) {
            y[yo + k] = a[ao + k] > b[bo + k] ? 1 : 0;
          }
        } else if (plan.aVaries) {
          int bv = b[bo];
          for (int k = 0; k < n; k++) {
            y[yo + k] = a[ao + k] > bv ? 1 : 0;
          }
        } else {
          int av = a[ao];
          for (int k = 0; k < n; k++) {
            y[yo + k] = av > b[bo + k] ? 1 : 0;
          }
        }
      }
    });
  }
}
