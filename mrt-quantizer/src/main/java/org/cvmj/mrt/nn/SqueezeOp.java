package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;

/**
 * {@code squeeze}: removes the listed axes, which must have size 1, or every size-1 axis when none is
 * listed. Squeezing every axis away leaves (1,), as MXNet does.
 */
final class SqueezeOp extends ViewOp {
  private final int[] axes;

  SqueezeOp(FNode node) {
    super(node);
    axes = node.typedAttrs().tuple("axis", null);
  }

  @Override
  Shape outShape(Shape in) {
    boolean[] drop = new boolean[in.ndim()];
    if (axes == null || axes.length == 0) {
      for (int i = 0; i < drop.length; i++) {
        drop[i] = in.dim(i) == 1;
      }
    } else {
      for (int a : axes) {
        int i = axis("axis", a, in.ndim());
        if (in.dim(i) != 1) {
          throw fail("cannot squeeze axis " + a + " of shape " + in + ": its size is " + in.dim(i) + ", not 1");
        }
        drop[i] = true;
      }
    }
    int[] out = new int[in.ndim()];
    int n = 0;
    for (int i = 0; i < drop.length; i++) {
      if (!drop[i]) {
        out[n++] = in.dim(i);
      }
    }
    return n == 0 ? Shape.of(1) : Shape.of(java.util.Arrays.copyOf(out, n));
  }
}
