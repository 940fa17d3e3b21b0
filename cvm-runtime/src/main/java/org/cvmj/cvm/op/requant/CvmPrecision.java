package org.cvmj.cvm.op.requant;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code cvm_precision}: the bit length of |x| with a minimum of 1 (0 and 1 give 1, 255 gives 8, 256 gives
 * 9). |x| is taken in 64 bits so that Integer.MIN_VALUE gives 32. The output precision is fixed at 6.
 */
public record CvmPrecision() implements Operator {

  public static CvmPrecision parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new CvmPrecision();
  }

  @Override
  public String name() {
    return "cvm_precision";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public boolean outputMayAliasInput() {
    return true;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    return Shapes.same(in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(6);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    for (int i = 0, n = out[0].size(); i < n; i++) {
      long a = Math.abs((long) x[i]);
      y[i] = Math.max(1, 64 - Long.numberOfLeadingZeros(a));
    }
  }
}
