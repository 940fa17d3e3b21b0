package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;

/** {@code Flatten}: (d0, d1, ..., dk) to (d0, d1*...*dk); a 1-D input becomes (d0, 1). */
final class FlattenOp extends ViewOp {
  FlattenOp(FNode node) {
    super(node);
  }

  @Override
  Shape outShape(Shape in) {
    if (in.ndim() == 0) {
      throw fail("cannot flatten a 0-D array");
    }
    return Shape.of(in.dim(0), Math.toIntExact(in.size() / Math.max(1, in.dim(0))));
  }
}
