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
 * {@code squeeze}: removes the size-1 dimensions listed in {@code axis} (each in -ndim..ndim-1; listing
 * one twice is allowed, as in the reference), or every size-1 dimension when {@code axis} is empty; when
 * nothing is left the result is {@code (1,)}. A listed dimension that is not 1 is an error. The kernel
 * copies the flat buffer, or does nothing when the output shares the input's storage.
 */
public record Squeeze(int[] axis) implements Operator {

  public static Squeeze parse(OpAttrs attrs) throws OpException {
    int[] axis = attrs.getTuple("axis", new int[0]);
    attrs.finish();
    return new Squeeze(axis);
  }

  @Override
  public String name() {
    return "squeeze";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public boolean outputMayAliasInput() {
    return true;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "squeeze takes 1 input, got %d", in.length);
    Shape x = in[0];
    int nd = x.ndim();
    boolean[] drop = new boolean[nd];
    if (axis.length == 0) {
      for (int i = 0; i < nd; i++) {
        drop[i] = x.dim(i) == 1;
      }
    } else {
      for (int a : axis) {
        drop[Shapes.axis(a, nd, "squeeze axis")] = true;
      }
      for (int i = 0; i < nd; i++) {
        Shapes.require(!drop[i] || x.dim(i) == 1, "squeeze axis %d of input %s has size %d, not 1",
            i, x, x.dim(i));
      }
    }
    int kept = 0;
    for (boolean d : drop) {
      kept += d ? 0 : 1;
    }
    if (kept == 0) {
      return new Shape[] {Shape.of(1)};
    }
    int[] dims = new int[kept];
    for (int i = 0, k = 0; i < nd; i++) {
      if (!drop[i]) {
        dims[k++] = x.dim(i);
      }
    }
    return new Shape[] {Shape.of(dims)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    FlatCopy.copy(in[0], out[0]);
  }

  @Override
  public String toString() {
    return "Squeeze[axis=" + OpAttrs.tuple(axis) + "]";
  }
}
