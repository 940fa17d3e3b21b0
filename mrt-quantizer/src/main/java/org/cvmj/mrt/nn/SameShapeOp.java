package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;

/** An operator with one input whose output has the input's shape (elementwise maps, fills). */
abstract class SameShapeOp extends NodeOp {
  SameShapeOp(FNode node) {
    super(node);
  }

  @Override
  public final Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    return one(in[0]);
  }
}
