package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** Operators that only change the shape: the output shares the input's (read-only) values. */
abstract class ViewOp extends NodeOp {
  ViewOp(FNode node) {
    super(node);
  }

  abstract Shape outShape(Shape in);

  @Override
  public final Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    Shape out = outShape(in[0]);
    if (out.size() != in[0].size()) {
      throw fail("cannot view " + in[0] + " (" + in[0].size() + " values) as " + out + " (" + out.size() + ")");
    }
    return one(out);
  }

  @Override
  public final FTensor[] forward(FTensor[] in) {
    return new FTensor[] {new FTensor(inferShapes(shapesOf(in))[0], in[0].data())};
  }
}
