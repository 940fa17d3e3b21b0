package org.cvmj.mrt.nn;

import java.util.Arrays;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** {@code transpose}: output axis i is input axis axes[i]; no axes reverses them all. */
final class TransposeOp extends NodeOp {
  private final int[] axesAttr;

  TransposeOp(FNode node) {
    super(node);
    axesAttr = node.typedAttrs().tuple("axes", new int[0]);
  }

  private int[] axes(int ndim) {
    int[] p = new int[ndim];
    if (axesAttr.length == 0) {
      for (int i = 0; i < ndim; i++) {
        p[i] = ndim - 1 - i;
      }
      return p;
    }
    if (axesAttr.length != ndim) {
      throw fail("axes " + Arrays.toString(axesAttr) + " has " + axesAttr.length + " values for " + ndim + "-D input");
    }
    boolean[] seen = new boolean[ndim];
    for (int i = 0; i < ndim; i++) {
      p[i] = axis("axes", axesAttr[i], ndim);
      if (seen[p[i]]) {
        throw fail("axes " + Arrays.toString(axesAttr) + " is not a permutation");
      }
      seen[p[i]] = true;
    }
    return p;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    int[] p = axes(in[0].ndim());
    int[] d = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      d[i] = in[0].dim(p[i]);
    }
    return one(Shape.of(d));
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape s = in[0].shape();
    Shape os = inferShapes(shapesOf(in))[0];
    int nd = s.ndim();
    int[] p = axes(nd);
    int[] inStrides = s.strides();
    int[] step = new int[nd];
    for (int i = 0; i < nd; i++) {
      step[i] = inStrides[p[i]];
    }
    int[] size = os.dims();
    float[] x = in[0].data();
    float[] y = new float[x.length];
    int[] idx = new int[nd];
    int src = 0;
    for (int o = 0; o < y.length; o++) {
      y[o] = x[src];
      // Odometer over output axes, moving the input offset along.
      for (int i = nd - 1; i >= 0; i--) {
        if (++idx[i] < size[i]) {
          src += step[i];
          break;
        }
        src -= step[i] * (size[i] - 1);
        idx[i] = 0;
      }
    }
    return new FTensor[] {new FTensor(os, y)};
  }
}
