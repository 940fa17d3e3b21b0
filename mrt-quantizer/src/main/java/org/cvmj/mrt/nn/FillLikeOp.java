package org.cvmj.mrt.nn;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** {@code zeros_like} / {@code ones_like}: a constant array of the input's shape. */
final class FillLikeOp extends SameShapeOp {
  private final float value;

  FillLikeOp(FNode node, float value) {
    super(node);
    this.value = value;
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    float[] y = new float[in[0].data().length];
    Arrays.fill(y, value);
    return new FTensor[] {new FTensor(in[0].shape(), y)};
  }
}
