package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * {@code _plus_scalar} and friends: x op scalar, or scalar op x for the reversed ones ({@code _rminus_scalar},
 * {@code _rdiv_scalar}). The scalar attribute is rounded to float32 first, as MXNet does for float data.
 */
final class ScalarOp extends SameShapeOp {
  private final BinaryFn fn;
  private final boolean scalarFirst;
  private final float[] scalar;

  ScalarOp(FNode node, BinaryFn fn, boolean scalarFirst) {
    super(node);
    this.fn = fn;
    this.scalarFirst = scalarFirst;
    MxAttrs a = node.typedAttrs();
    a.requireString("scalar");
    this.scalar = new float[] {(float) a.real("scalar", 0)};
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    float[] x = in[0].data();
    float[] out = new float[x.length];
    if (scalarFirst) {
      fn.apply(scalar, 0, x, 1, out);
    } else {
      fn.apply(x, 1, scalar, 0, out);
    }
    return new FTensor[] {new FTensor(in[0].shape(), out)};
  }
}
