package org.cvmj.cvm.mips.guest;

import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.op.nn.Upsampling;
import org.cvmj.cvm.op.transform.Concatenate;
import org.cvmj.cvm.op.transform.Repeat;
import org.cvmj.cvm.op.transform.SliceLike;
import org.cvmj.cvm.op.transform.StridedSlice;
import org.cvmj.cvm.op.transform.Take;
import org.cvmj.cvm.op.transform.Tile;
import org.cvmj.cvm.op.transform.Transpose;
import org.cvmj.cvm.tensor.Shape;

/**
 * The data-movement operators. Most are a strided gather (output element i reads input offset
 * base + sum of its multi-index times per-dimension strides); concatenate, take and where have their
 * own records.
 */
final class ViewLowering {
  private ViewLowering() {}

  /** Fields: x y n base ndim, then ndim x [dim stride]. */
  private static int[] gather(Node node, PlanBuilder plan, long base, int[] dims, int[] strides) {
    int[] f = new int[6 + 2 * dims.length];
    f[0] = PlanFormat.OP_GATHER;
    f[1] = node.inputs()[0];
    f[2] = node.firstEntry();
    f[3] = plan.size(node.firstEntry());
    // Offsets are exact modulo 2^32, as in the Java runtime's gather.
    f[4] = (int) base;
    f[5] = dims.length;
    for (int j = 0; j < dims.length; j++) {
      f[6 + 2 * j] = dims[j];
      f[7 + 2 * j] = strides[j];
    }
    return f;
  }

  static int[] transpose(PlanBuilder plan, Node node) {
    int[] axes = ((Transpose) node.op()).axes();
    Shape x = plan.shape(node.inputs()[0]);
    int nd = x.ndim();
    int[] xs = x.strides();
    int[] strides = new int[nd];
    for (int j = 0; j < nd; j++) {
      int p = axes.length == 0 ? nd - 1 - j : axes[j] < 0 ? axes[j] + nd : axes[j];
      strides[j] = xs[p];
    }
    return gather(node, plan, 0, plan.shape(node.firstEntry()).dims(), strides);
  }

  static int[] stridedSlice(PlanBuilder plan, Node node) {
    StridedSlice s = (StridedSlice) node.op();
    int[] begin = s.begin();
    int[] stride = s.stride();
    Shape x = plan.shape(node.inputs()[0]);
    int nd = x.ndim();
    int[] xs = x.strides();
    int[] strides = new int[nd];
    long base = 0;
    for (int i = 0; i < nd; i++) {
      long step = i < stride.length ? stride[i] : 1;
      long start = bound(i < begin.length ? begin[i] : 0, x.dim(i), step);
      base += start * xs[i];
      strides[i] = (int) (step * xs[i]);
    }
    return gather(node, plan, base, plan.shape(node.firstEntry()).dims(), strides);
  }

  /** The slice bound rule: negative counts from the end, then clamped to the valid start range. */
  private static long bound(long index, long dim, long step) {
    long v = index < 0 ? index + dim : index;
    long lo = step < 0 ? -1 : 0;
    long hi = step < 0 ? dim - 1 : dim;
    return Math.min(Math.max(v, lo), hi);
  }

  static int[] sliceLike(PlanBuilder plan, Node node) {
    assert node.op() instanceof SliceLike;
    return gather(node, plan, 0, plan.shape(node.firstEntry()).dims(), plan.shape(node.inputs()[0]).strides());
  }

  static int[] repeat(PlanBuilder plan, Node node) {
    int[][] walk = ((Repeat) node.op()).gatherWalk(plan.shape(node.inputs()[0]));
    return gather(node, plan, 0, walk[0], walk[1]);
  }

  static int[] tile(PlanBuilder plan, Node node) {
    int[] reps = ((Tile) node.op()).reps();
    Shape x = plan.shape(node.inputs()[0]);
    int sd = x.ndim();
    int od = plan.shape(node.firstEntry()).ndim();
    int[] xs = x.strides();
    // Output axis k, of size reps_k * dim_k, read as (reps_k, dim_k): the first coordinate stays put.
    int[] dims = new int[2 * od];
    int[] strides = new int[2 * od];
    for (int k = 0; k < od; k++) {
      int i = k - (od - sd);
      int ri = k - (od - reps.length);
      dims[2 * k] = ri >= 0 ? reps[ri] : 1;
      strides[2 * k] = 0;
      dims[2 * k + 1] = i >= 0 ? x.dim(i) : 1;
      strides[2 * k + 1] = i >= 0 ? xs[i] : 0;
    }
    return gather(node, plan, 0, dims, strides);
  }

  static int[] upsampling(PlanBuilder plan, Node node) {
    int scale = ((Upsampling) node.op()).scale();
    Shape x = plan.shape(node.inputs()[0]);
    int h = x.dim(2);
    int w = x.dim(3);
    return gather(node, plan, 0, new int[] {x.dim(0) * x.dim(1), h, scale, w, scale},
        new int[] {h * w, w, 0, 1, 0});
  }

  /** Fields: y outer nIn, then nIn x [x rowLen]. */
  static int[] concatenate(PlanBuilder plan, Node node) {
    int[] in = node.inputs();
    Shape y = plan.shape(node.firstEntry());
    int axis = ((Concatenate) node.op()).axis();
    int a = axis < 0 ? axis + y.ndim() : axis;
    int outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= y.dim(d);
    }
    int[] f = new int[4 + 2 * in.length];
    f[0] = PlanFormat.OP_CONCAT;
    f[1] = node.firstEntry();
    f[2] = outer;
    f[3] = in.length;
    for (int k = 0; k < in.length; k++) {
      f[4 + 2 * k] = in[k];
      f[5 + 2 * k] = plan.size(in[k]) / outer;
    }
    return f;
  }

  /** Fields: x idx y outer m len inner. */
  static int[] take(PlanBuilder plan, Node node) {
    Integer axis = ((Take) node.op()).axis();
    int[] in = node.inputs();
    Shape x = plan.shape(in[0]);
    int m = plan.size(in[1]);
    if (axis == null) {
      return new int[] {PlanFormat.OP_TAKE, in[0], in[1], node.firstEntry(), 1, m, x.elements(), 1};
    }
    int a = axis < 0 ? axis + x.ndim() : axis;
    int outer = 1;
    int inner = 1;
    for (int d = 0; d < x.ndim(); d++) {
      if (d < a) {
        outer *= x.dim(d);
      } else if (d > a) {
        inner *= x.dim(d);
      }
    }
    return new int[] {PlanFormat.OP_TAKE, in[0], in[1], node.firstEntry(), outer, m, x.dim(a), inner};
  }

  /** Fields: cond a b y rows rowLen perRow. */
  static int[] where(PlanBuilder plan, Node node) {
    int[] in = node.inputs();
    Shape cond = plan.shape(in[0]);
    Shape x = plan.shape(in[1]);
    int n = x.elements();
    if (cond.ndim() == x.ndim()) {
      return new int[] {PlanFormat.OP_WHERE, in[0], in[1], in[2], node.firstEntry(), 1, n, 0};
    }
    int rows = x.dim(0);
    return new int[] {PlanFormat.OP_WHERE, in[0], in[1], in[2], node.firstEntry(), rows, n / rows, 1};
  }
}
