package org.cvmj.cvm.op.broadcast;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code broadcast_div}: {@code y = b == 0 ? 0 : a / b} with numpy broadcasting; the quotient truncates
 * toward zero like C ({@code -7 / 2 = -3}). Output precision {@code p_a} (|a / b| never exceeds |a|).
 *
 * <p>{@code Integer.MIN_VALUE / -1} is undefined behaviour in C++ and traps on x86 in the reference; Java
 * defines it as {@code Integer.MIN_VALUE}, which is what this operator returns. Such an input is out of
 * every precision the loader accepts for {@code a} except 32, so valid models do not reach it through
 * validated parameters.
 */
public record BroadcastDiv() implements Operator {

  public static BroadcastDiv parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new BroadcastDiv();
  }

  @Override
  public String name() {
    return "broadcast_div";
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
    return Precision.one(p[0]);
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
            int d = b[bo + k];
            y[yo + k] = d == 0 ? 0 : a[ao + k] / d;
          }
        } else if (plan.aVaries) {
          int d = b[bo];
          if (d == 0) {
            Arrays.fill(y, yo, yo + n, 0);
          } else {
            for (int k = 0; k < n; k++) {
              y[yo + k] = a[ao + k] / d;
            }
          }
        } else {
          int av = a[ao];
          for (int k = 0; k < n; k++) {
            int d = b[bo + k];
            y[yo + k] = d == 0 ? 0 : av / d;
          }
        }
      }
    });
  }
}
