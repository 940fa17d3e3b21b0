package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * MXNet {@code FullyConnected}: y = x W^T + b with weight (num_hidden, K). flatten=True (the default) reads
 * data (N, ...) as (N, K); flatten=False applies the layer to the last axis, keeping the others.
 */
final class FullyConnectedOp extends NodeOp {
  private final int hidden;
  private final boolean noBias;
  private final boolean flatten;

  FullyConnectedOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    hidden = a.requireInt("num_hidden");
    noBias = a.bool("no_bias", false);
    flatten = a.bool("flatten", true);
    if (hidden < 1) {
      throw a.fail("num_hidden", "must be positive, got " + hidden);
    }
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, noBias ? 2 : 3, noBias ? "data, weight" : "data, weight, bias");
    Shape d = in[0];
    if (d.ndim() < 1 || (flatten && d.ndim() < 2)) {
      throw fail("data must have at least " + (flatten ? 2 : 1) + " axes, got shape " + d);
    }
    int k = flatten ? (int) (d.size() / d.dim(0)) : d.last();
    expectShape("weight", in[1], Shape.of(hidden, k));
    if (!noBias) {
      expectShape("bias", in[2], Shape.of(hidden));
    }
    if (flatten) {
      return one(Shape.of(d.dim(0), hidden));
    }
    int[] dims = d.dims();
    dims[dims.length - 1] = hidden;
    return one(Shape.of(dims));
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape os = inferShapes(shapesOf(in))[0];
    int k = in[1].shape().dim(1);
    int rows = Math.toIntExact(os.size() / hidden);
    float[] x = in[0].data();
    float[] w = in[1].data();
    float[] b = noBias ? null : in[2].data();
    float[] out = new float[Math.toIntExact(os.size())];
    BatchSplit.run(rows, (long) hidden * k, (from, to) -> {
      Gemm.multiplyTransposed(to - from, hidden, k, x, from * k, w, 0, out, from * hidden);
      if (b != null) {
        for (int r = from; r < to; r++) {
          for (int j = 0; j < hidden; j++) {
            out[r * hidden + j] += b[j];
          }
        }
      }
    });
    return new FTensor[] {new FTensor(os, out)};
  }
}
