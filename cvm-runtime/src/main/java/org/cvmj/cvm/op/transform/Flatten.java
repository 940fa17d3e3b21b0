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
 * {@code flatten}: (d0, d1, ..., dn) becomes (d0, d1·…·dn); a 1-D input becomes (d0, 1). Row-major order
 * is unchanged, so the kernel copies the flat buffer, and does nothing when the output shares the input's
 * storage (allowed for this operator).
 */
public record Flatten() implements Operator {

  public static Flatten parse(OpAttrs attrs) throws OpException {
    attrs.finish();
    return new Flatten();
  }

  @Override
  public String name() {
    return "flatten";
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
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "flatten takes 1 input, got %d", in.length);
    Shape x = in[0];
    Shapes.require(x.ndim() >= 1, "flatten input must have at least 1 dimension, got shape %s", x);
    long rest = 1;
    for (int i = 1; i < x.ndim(); i++) {
      rest *= x.dim(i);
    }
    return new Shape[] {Shapes.checked(x.dim(0), rest)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    FlatCopy.copy(in[0], out[0]);
  }
}
