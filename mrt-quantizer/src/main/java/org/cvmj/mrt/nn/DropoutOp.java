package org.cvmj.mrt.nn;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** {@code Dropout} at inference: the identity, plus MXNet's second output, the mask, all ones. */
final class DropoutOp extends NodeOp {
  DropoutOp(FNode node) {
    super(node);
  }

  @Override
  public int numOutputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    return new Shape[] {in[0], in[0]};
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    float[] mask = new float[in[0].data().length];
    Arrays.fill(mask, 1f);
    return new FTensor[] {in[0], new FTensor(in[0].shape(), mask)};
  }
}
