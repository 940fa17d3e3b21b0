package org.cvmj.cvm.op.broadcast;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code broadcast_add}: {@code y = a + b} with numpy broadcasting, in 32-bit arithmetic (wraps around, as
 * on every reference backend). Output precision {@code max(p_a, p_b) + 1}.
 */
public record BroadcastAdd() implements Operator {

  public static BroadcastAdd parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new BroadcastAdd();
  }

  @Override
  public String name() {
    return "broadcast_add";
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
    return Precision.one(Math.max(p[0], p[1]) + 1);
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
            y[yo + k] = a[ao + k] + b[bo + k];
          }
        } else if (plan.aVaries) {
          int bv = b[bo];
          for (int k = 0; k < n; k++) {
            y[yo + k] = a[ao + k] + bv;
          }
        } else {
          int av = a[ao];
          for (int k = 0; k < n; k++) {
            y[yo + k] = av + b[bo + k];
          }
        }
      }
    });
  }
}
