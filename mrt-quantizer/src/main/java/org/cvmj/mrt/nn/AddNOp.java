package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** {@code add_n} / {@code ElementWiseSum}: the sum of num_args equal-shaped inputs, added left to right. */
final class AddNOp extends NodeOp {
  private final int numArgs;

  AddNOp(FNode node) {
    super(node);
    numArgs = node.typedAttrs().integer("num_args", node.inputs().size());
    if (numArgs < 1) {
      throw node.typedAttrs().fail("num_args", "must be positive, got " + numArgs);
    }
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, numArgs, "num_args equal-shaped arrays");
    for (int i = 1; i < in.length; i++) {
      if (!in[i].equals(in[0])) {
        throw fail("input " + i + " has shape " + in[i] + ", input 0 has " + in[0] + "; all must be equal");
      }
    }
    return one(in[0]);
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    inferShapes(shapesOf(in));
    float[] out = in[0].data().clone();
    for (int i = 1; i < in.length; i++) {
      BinaryFn.ADD.apply(out, 1, in[i].data(), 1, out);
    }
    return new FTensor[] {new FTensor(in[0].shape(), out)};
  }
}
