package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;

/** {@code expand_dims}: a new axis of size 1 at {@code axis}, in [-ndim-1, ndim]. */
final class ExpandDimsOp extends ViewOp {
  private final int axisAttr;

  ExpandDimsOp(FNode node) {
    super(node);
    axisAttr = node.typedAttrs().requireInt("axis");
  }

  @Override
  Shape outShape(Shape in) {
    int axis = axis("axis", axisAttr, in.ndim() + 1);
    int[] d = new int[in.ndim() + 1];
    for (int i = 0, j = 0; i < d.length; i++) {
      d[i] = i == axis ? 1 : in.dim(j++);
    }
    return Shape.of(d);
  }
}
