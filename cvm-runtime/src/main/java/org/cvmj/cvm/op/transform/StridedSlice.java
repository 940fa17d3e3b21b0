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
 * {@code strided_slice}: {@code y[d] = x[begin + stride · d]} on every axis. Missing trailing entries of
 * {@code begin} (default {@code (0,)}), {@code end} (default {@code (1,)}) and {@code stride} (default
 * {@code ()}) are 0, the dimension, and 1. Per axis: negative begin/end get the dimension added, then both
 * are clamped to [0, dim] for a positive stride or [-1, dim-1] for a negative one; the slice must be
 * non-empty ({@code begin < end}, or {@code end < begin} going backwards) and has
 * {@code ceil(|end - begin| / |stride|)} elements. A zero stride is an error. Entries beyond the input's
 * rank are ignored, as the reference's shape rule ignores them.
 */
public record StridedSlice(int[] begin, int[] end, int[] stride) implements Operator {

  public static StridedSlice parse(OpAttrs attrs) throws OpException {
    int[] begin = attrs.getTuple("begin", 0);
    int[] end = attrs.getTuple("end", 1);
    int[] stride = attrs.getTuple("stride", new int[0]);
    attrs.finish();
    return new StridedSlice(begin, end, stride);
  }

  @Override
  public String name() {
    return "strided_slice";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "strided_slice takes 1 input, got %d", in.length);
    Shape x = in[0];
    long[] dims = new long[x.ndim()];
    for (int i = 0; i < dims.length; i++) {
      long dim = x.dim(i);
      long step = step(i);
      Shapes.require(step != 0, "strided_slice stride %s is 0 on axis %d", OpAttrs.tuple(stride), i);
      long b = start(i, dim);
      long e = bound(i < end.length ? end[i] : dim, dim, step);
      Shapes.require(step < 0 ? e < b : b < e,
          "strided_slice selects nothing on axis %d of %s: begin %s, end %s, stride %d", i, x,
          OpAttrs.tuple(begin), OpAttrs.tuple(end), step);
      long n = Math.abs(step);
      dims[i] = (Math.abs(e - b) + n - 1) / n;
    }
    return new Shape[] {Shapes.checked(dims)};
  }

  private long step(int axis) {
    return axis < stride.length ? stride[axis] : 1;
  }

  /** The normalised begin index of {@code axis}. */
  private long start(int axis, long dim) {
    return bound(axis < begin.length ? begin[axis] : 0, dim, step(axis));
  }

  private static long bound(long index, long dim, long step) {
    long v = index < 0 ? index + dim : index;
    long lo = step < 0 ? -1 : 0;
    long hi = step < 0 ? dim - 1 : dim;
    return Math.min(Math.max(v, lo), hi);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    Shape x = in[0].shape();
    int nd = x.ndim();
    int[] xs = x.strides();
    int[] strides = new int[nd];
    long base = 0;
    for (int i = 0; i < nd; i++) {
      base += start(i, x.dim(i)) * xs[i];
      // Narrowing may wrap for a huge step; Gather's offsets are exact modulo 2^32.
      strides[i] = (int) (step(i) * xs[i]);
    }
    Gather.run(in[0].data(), (int) base, out[0].shape().dims(), strides, out[0].data(), out[0].size(),
        parallel);
  }

  @Override
  public String toString() {
    return "StridedSlice[begin=" + OpAttrs.tuple(begin) + ", end=" + OpAttrs.tuple(end) + ", stride="
        + OpAttrs.tuple(stride) + "]";
  }
}
