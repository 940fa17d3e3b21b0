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
 * {@code expand_dims}: inserts {@code num_newaxis} (1..4096) dimensions of size 1 before input dimension
 * {@code axis}, which may be -ndim-1..ndim (a negative axis counts from the end, -1 appending). The
 * kernel copies the flat buffer, or does nothing when the output shares the input's storage.
 */
public record ExpandDims(int axis, int numNewaxis) implements Operator {

  /** The reference bounds it by ATTR_MAX_VALUE. */
  private static final int MAX_NEWAXIS = 4096;

  public static ExpandDims parse(OpAttrs attrs) throws OpException {
    int axis = attrs.getInt("axis");
    int numNewaxis = attrs.getInt("num_newaxis", 1);
    attrs.finish();
    Shapes.require(numNewaxis >= 1 && numNewaxis <= MAX_NEWAXIS,
        "expand_dims num_newaxis %d must be in 1..%d", numNewaxis, MAX_NEWAXIS);
    return new ExpandDims(axis, numNewaxis);
  }

  @Override
  public String name() {
    return "expand_dims";
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
    Shapes.require(in.length == 1, "expand_dims takes 1 input, got %d", in.length);
    Shape x = in[0];
    int nd = x.ndim();
    Shapes.require(axis >= -nd - 1 && axis <= nd, "expand_dims axis %d is out of range [%d, %d] for input %s",
        axis, -nd - 1, nd, x);
    int at = axis < 0 ? axis + nd + 1 : axis;
    int[] dims = new int[nd + numNewaxis];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = i < at ? x.dim(i) : i < at + numNewaxis ? 1 : x.dim(i - numNewaxis);
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
}
