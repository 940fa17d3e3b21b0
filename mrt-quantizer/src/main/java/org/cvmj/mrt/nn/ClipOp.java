package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/** {@code clip}: min(max(x, a_min), a_max), both bounds required. */
final class ClipOp extends SameShapeOp {
  private final float lo;
  private final float hi;

  ClipOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    a.requireString("a_min");
    a.requireString("a_max");
    lo = (float) a.real("a_min", 0);
    hi = (float) a.real("a_max", 0);
    if (lo > hi) {
      throw fail("a_min " + lo + " is greater than a_max " + hi);
    }
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    float[] x = in[0].data();
    float[] y = new float[x.length];
    BatchSplit.run(x.length, 1, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[i] = Math.min(Math.max(x[i], lo), hi);
      }
    });
    return new FTensor[] {new FTensor(in[0].shape(), y)};
  }
}
