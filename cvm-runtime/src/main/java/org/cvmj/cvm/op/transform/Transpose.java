package org.cvmj.cvm.op.transform;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code transpose}: output dimension j is input dimension {@code axes[j]}, so
 * {@code y[d_0, ..., d_{n-1}] = x[e]} with {@code e[axes[j]] = d_j}. {@code axes} must list every input
 * dimension exactly once (negative values count from the end); empty means reversed.
 */
public record Transpose(int[] axes) implements Operator {

  public static Transpose parse(OpAttrs attrs) throws OpException {
    int[] axes = attrs.getTuple("axes", new int[0]);
    attrs.finish();
    return new Transpose(axes);
  }

  @Override
  public String name() {
    return "transpose";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "transpose takes 1 input, got %d", in.length);
    Shape x = in[0];
    int nd = x.ndim();
    if (axes.length != 0) {
      Shapes.require(axes.length == nd, "transpose axes %s must have %d entries for input %s",
          OpAttrs.tuple(axes), nd, x);
      boolean[] seen = new boolean[nd];
      for (int a : axes) {
        int k = Shapes.axis(a, nd, "transpose axis");
        Shapes.require(!seen[k], "transpose axes %s repeat axis %d", OpAttrs.tuple(axes), k);
        seen[k] = true;
      }
    }
    int[] perm = permutation(nd);
    int[] dims = new int[nd];
    for (int j = 0; j < nd; j++) {
      dims[j] = x.dim(perm[j]);
    }
    return new Shape[] {Shape.of(dims)};
  }

  /** The checked {@code axes} with negatives resolved, or the reversal when it is empty. */
  private int[] permutation(int nd) {
    int[] perm = new int[nd];
    for (int j = 0; j < nd; j++) {
      perm[j] = axes.length == 0 ? nd - 1 - j : axes[j] < 0 ? axes[j] + nd : axes[j];
    }
    return perm;
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    Shape x = in[0].shape();
    int nd = x.ndim();
    int[] perm = permutation(nd);
    int[] xs = x.strides();
    int[] strides = new int[nd];
    for (int j = 0; j < nd; j++) {
      strides[j] = xs[perm[j]];
    }
    Gather.run(in[0].data(), 0, out[0].shape().dims(), strides, out[0].data(), out[0].size(), parallel);
  }

  @Override
  public String toString() {
    return "Transpose[axes=" + OpAttrs.tuple(axes) + "]";
  }
}
