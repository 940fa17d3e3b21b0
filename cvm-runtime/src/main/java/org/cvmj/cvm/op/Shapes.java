package org.cvmj.cvm.op;

import org.cvmj.cvm.tensor.Shape;

/** Shape-rule helpers shared by several operators. */
public final class Shapes {
  private Shapes() {}

  public static void require(boolean condition, String format, Object... args) throws OpException {
    if (!condition) {
      throw new OpException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  public static void requireRank(Shape s, int ndim, String what) throws OpException {
    require(s.ndim() == ndim, "%s must be %d-D, got shape %s", what, ndim, s);
  }

  /** The output of an elementwise operator: the shape of input 0. */
  public static Shape[] same(Shape[] in) {
    return new Shape[] {in[0]};
  }

  /** Builds a shape from dimensions computed in long, rejecting values outside 1..2^31-1. */
  public static Shape checked(long... dims) throws OpException {
    int[] d = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      require(dims[i] >= 1 && dims[i] <= Integer.MAX_VALUE,
          "inferred dimension %d of %s is out of range", i, java.util.Arrays.toString(dims));
      d[i] = (int) dims[i];
    }
    return Shape.of(d);
  }

  /** Normalises a possibly negative axis against {@code ndim}, checking {@code -ndim <= axis < ndim}. */
  public static int axis(int axis, int ndim, String what) throws OpException {
    require(axis >= -ndim && axis < ndim, "%s %d is out of range for %d dimensions", what, axis, ndim);
    return axis < 0 ? axis + ndim : axis;
  }
}
