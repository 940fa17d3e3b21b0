package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/** {@code Concat} / {@code concat}: num_args inputs joined along {@code dim} (default 1). */
final class ConcatOp extends NodeOp {
  private final int dimAttr;
  private final int numArgs;

  ConcatOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    dimAttr = a.integer("dim", 1);
    numArgs = a.integer("num_args", node.inputs().size());
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, numArgs, "num_args arrays");
    if (in.length == 0) {
      throw fail("needs at least one input");
    }
    int nd = in[0].ndim();
    int dim = axis("dim", dimAttr, nd);
    int[] out = in[0].dims();
    for (int k = 1; k < in.length; k++) {
      Shape s = in[k];
      boolean ok = s.ndim() == nd;
      for (int i = 0; ok && i < nd; i++) {
        ok = i == dim || s.dim(i) == out[i];
      }
      if (!ok) {
        throw fail("input " + k + " has shape " + s + ", which does not match input 0 " + in[0]
            + " on every axis but " + dim);
      }
      out[dim] += s.dim(dim);
    }
    return one(Shape.of(out));
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape os = inferShapes(shapesOf(in))[0];
    int dim = axis("dim", dimAttr, os.ndim());
    int inner = 1;
    for (int i = dim + 1; i < os.ndim(); i++) {
      inner *= os.dim(i);
    }
    int outer = Math.toIntExact(os.size() / ((long) inner * os.dim(dim)));
    int outRow = os.dim(dim) * inner;
    float[] y = new float[Math.toIntExact(os.size())];
    int at = 0;
    for (FTensor t : in) {
      int row = t.shape().dim(dim) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(t.data(), o * row, y, o * outRow + at, row);
      }
      at += row;
    }
    return new FTensor[] {new FTensor(os, y)};
  }
}
