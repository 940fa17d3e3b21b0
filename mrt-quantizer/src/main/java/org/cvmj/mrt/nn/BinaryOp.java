package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/**
 * Two-input elementwise operators: {@code elemwise_*} and the legacy {@code _plus}-style names need equal
 * shapes; {@code broadcast_*} broadcast NumPy style ({@link Broadcast}).
 */
final class BinaryOp extends NodeOp {
  private final BinaryFn fn;
  private final boolean broadcast;

  BinaryOp(FNode node, BinaryFn fn, boolean broadcast) {
    super(node);
    this.fn = fn;
    this.broadcast = broadcast;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 2, "lhs, rhs");
    if (!broadcast) {
      if (!in[0].equals(in[1])) {
        throw fail("operands must have equal shapes, got " + in[0] + " and " + in[1]
            + " (use a broadcast_* operator to broadcast)");
      }
      return one(in[0]);
    }
    Shape out = Broadcast.outShape(in[0], in[1]);
    if (out == null) {
      throw fail("shapes " + in[0] + " and " + in[1] + " do not broadcast: each axis, aligned from the last,"
          + " must be equal or 1 in one of them");
    }
    return one(out);
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape os = inferShapes(shapesOf(in))[0];
    float[] out = new float[Math.toIntExact(os.size())];
    if (in[0].shape().equals(in[1].shape())) {
      fn.apply(in[0].data(), 1, in[1].data(), 1, out);
    } else {
      Broadcast.apply(fn, in[0].data(), in[0].shape(), in[1].data(), in[1].shape(), out, os);
    }
    return new FTensor[] {new FTensor(os, out)};
  }
}
