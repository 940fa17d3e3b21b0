package org.cvmj.cvm.op.transform;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code tile}: numpy's tile. The input and {@code reps} (each 1..4096, at least one) are right-aligned,
 * the shorter padded with leading 1s; output dimension k is {@code dim_k · reps_k}, and
 * {@code y[k] = x[k_j mod dim_j]} on the input's axes. The reference's default {@code reps} is
 * {@code (0,)}, so leaving it out is an error, reported here when the attributes are parsed.
 */
public record Tile(int[] reps) implements Operator {

  /** The reference bounds each repetition by ATTR_MAX_VALUE. */
  private static final int MAX_REPS = 4096;

  public static Tile parse(OpAttrs attrs) throws OpException {
    int[] reps = attrs.getTuple("reps", 0);
    attrs.finish();
    Shapes.require(reps.length > 0, "tile reps must not be empty");
    for (int r : reps) {
      Shapes.require(r >= 1 && r <= MAX_REPS, "tile reps %s must each be in 1..%d", OpAttrs.tuple(reps),
          MAX_REPS);
    }
    return new Tile(reps);
  }

  @Override
  public String name() {
    return "tile";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "tile takes 1 input, got %d", in.length);
    Shape x = in[0];
    int sd = x.ndim();
    int od = Math.max(sd, reps.length);
    long[] dims = new long[od];
    for (int k = 0; k < od; k++) {
      dims[k] = (long) dim(x, k - (od - sd)) * rep(k - (od - reps.length));
    }
    return new Shape[] {Shapes.checked(dims)};
  }

  private static int dim(Shape x, int i) {
    return i >= 0 ? x.dim(i) : 1;
  }

  private int rep(int i) {
    return i >= 0 ? reps[i] : 1;
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    Shape x = in[0].shape();
    int sd = x.ndim();
    int od = out[0].shape().ndim();
    int[] xs = x.strides();
    // Output axis k, of size reps_k·dim_k, is read as (reps_k, dim_k): the first coordinate does not move in
    // the input, the second walks the input axis (or nothing, on a prepended axis).
    int[] dims = new int[2 * od];
    int[] strides = new int[2 * od];
    int j = 0;
    for (int k = 0; k < od; k++) {
      int i = k - (od - sd);
      int r = rep(k - (od - reps.length));
      if (r > 1) {
        dims[j] = r;
        strides[j++] = 0;
      }
      dims[j] = dim(x, i);
      strides[j++] = i >= 0 ? xs[i] : 0;
    }
    Gather.run(in[0].data(), 0, Arrays.copyOf(dims, j), Arrays.copyOf(strides, j), out[0].data(),
        out[0].size(), parallel);
  }

  @Override
  public String toString() {
    return "Tile[reps=" + OpAttrs.tuple(reps) + "]";
  }
}
