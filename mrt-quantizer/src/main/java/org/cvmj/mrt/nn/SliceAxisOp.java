package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * {@code slice_axis}: indices [begin, end) of {@code axis}; negative begin/end count from the end, end None
 * means the axis' size.
 */
final class SliceAxisOp extends NodeOp {
  private final int axisAttr;
  private final int beginAttr;
  private final Integer endAttr;

  SliceAxisOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    axisAttr = a.requireInt("axis");
    beginAttr = a.requireInt("begin");
    endAttr = a.string("end").isPresent() ? a.integer("end", 0) : null;
  }

  private int[] range(Shape s) {
    int axis = axis("axis", axisAttr, s.ndim());
    int size = s.dim(axis);
    int b = beginAttr < 0 ? beginAttr + size : beginAttr;
    int e = endAttr == null ? size : endAttr < 0 ? endAttr + size : endAttr;
    if (b < 0 || e > size || b >= e) {
      throw fail("slice [" + beginAttr + ", " + (endAttr == null ? "None" : endAttr) + ") is empty or out of"
          + " range for axis " + axisAttr + " of size " + size);
    }
    return new int[] {axis, b, e};
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 1, "data");
    int[] r = range(in[0]);
    int[] d = in[0].dims();
    d[r[0]] = r[2] - r[1];
    return one(Shape.of(d));
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape s = in[0].shape();
    Shape os = inferShapes(shapesOf(in))[0];
    int[] r = range(s);
    int inner = 1;
    for (int i = r[0] + 1; i < s.ndim(); i++) {
      inner *= s.dim(i);
    }
    int outer = Math.toIntExact(s.size() / ((long) inner * s.dim(r[0])));
    int inRow = s.dim(r[0]) * inner;
    int outRow = (r[2] - r[1]) * inner;
    float[] y = new float[Math.toIntExact(os.size())];
    for (int o = 0; o < outer; o++) {
      System.arraycopy(in[0].data(), o * inRow + r[1] * inner, y, o * outRow, outRow);
    }
    return new FTensor[] {new FTensor(os, y)};
  }
}
