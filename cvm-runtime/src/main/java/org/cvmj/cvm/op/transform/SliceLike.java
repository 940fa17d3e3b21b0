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
 * {@code slice_like}: the leading corner of {@code x} with the size of {@code like} on the axes in
 * {@code axis}, or on every axis when {@code axis} is empty (then both inputs must have the same rank):
 * {@code y[d] = x[d]}. A negative axis counts from the end of {@code x}; the resolved axis must exist in
 * both inputs, and {@code like} may not be larger than {@code x} on it.
 */
public record SliceLike(int[] axis) implements Operator {

  public static SliceLike parse(OpAttrs attrs) throws OpException {
    int[] axis = attrs.getTuple("axis", new int[0]);
    attrs.finish();
    return new SliceLike(axis);
  }

  @Override
  public String name() {
    return "slice_like";
  }

  @Override
  public int numInputs() {
    return 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 2, "slice_like takes 2 inputs, got %d", in.length);
    Shape x = in[0];
    Shape like = in[1];
    int[] dims = x.dims();
    if (axis.length == 0) {
      Shapes.require(x.ndim() == like.ndim(),
          "slice_like without axis needs inputs of the same rank, got %s and %s", x, like);
      for (int i = 0; i < dims.length; i++) {
        dims[i] = sliced(x, like, i);
      }
    } else {
      int common = Math.min(x.ndim(), like.ndim());
      for (int a : axis) {
        int i = a < 0 ? a + x.ndim() : a;
        Shapes.require(i >= 0 && i < common, "slice_like axis %d is out of range for inputs %s and %s",
            a, x, like);
        dims[i] = sliced(x, like, i);
      }
    }
    return new Shape[] {Shape.of(dims)};
  }

  private static int sliced(Shape x, Shape like, int i) throws OpException {
    Shapes.require(like.dim(i) <= x.dim(i), "slice_like: axis %d of %s is larger than in %s", i, like, x);
    return like.dim(i);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    Gather.run(in[0].data(), 0, out[0].shape().dims(), in[0].shape().strides(), out[0].data(),
        out[0].size(), parallel);
  }

  @Override
  public String toString() {
    return "SliceLike[axis=" + OpAttrs.tuple(axis) + "]";
  }
}
