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
 * {@code repeat}: repeats each element {@code repeats} (&gt; 0, no upper bound in the reference) times
 * along {@code axis} (default 0, -ndim..ndim-1): {@code y[..., i, ...] = x[..., i / repeats, ...]}.
 */
public record Repeat(int repeats, int axis) implements Operator {

  public static Repeat parse(OpAttrs attrs) throws OpException {
    int repeats = attrs.getInt("repeats");
    int axis = attrs.getInt("axis", 0);
    attrs.finish();
    Shapes.require(repeats > 0, "repeat repeats %d must be greater than 0", repeats);
    return new Repeat(repeats, axis);
  }

  @Override
  public String name() {
    return "repeat";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "repeat takes 1 input, got %d", in.length);
    Shape x = in[0];
    int a = Shapes.axis(axis, x.ndim(), "repeat axis");
    long[] dims = new long[x.ndim()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = i == a ? (long) x.dim(i) * repeats : x.dim(i);
    }
    return new Shape[] {Shapes.checked(dims)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[][] walk = gatherWalk(in[0].shape());
    Gather.run(in[0].data(), 0, walk[0], walk[1], out[0].data(), out[0].size(), parallel);
  }

  /**
   * The output as a gather over the input of shape {@code x}: {dims, input strides}, row-major. Public
   * for the MIPS guest's encoder, which hands the same walk to its gather kernel.
   */
  public int[][] gatherWalk(Shape x) {
    int nd = x.ndim();
    int a = axis < 0 ? axis + nd : axis;
    int[] xs = x.strides();
    // Output axis a, of size n·repeats, is read as (n, repeats) where the second coordinate does not move
    // in the input.
    int[] dims = new int[nd + 1];
    int[] strides = new int[nd + 1];
    for (int i = 0, j = 0; i < nd; i++) {
      dims[j] = x.dim(i);
      strides[j++] = xs[i];
      if (i == a) {
        dims[j] = repeats;
        strides[j++] = 0;
      }
    }
    return new int[][] {dims, strides};
  }
}
