package org.cvmj.cvm.tensor;

import java.util.Arrays;

/** An immutable tensor shape (row-major dimensions). Dimensions are not range-checked here; the loader does that. */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  public int ndim() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  /** The last dimension. */
  public int last() {
    return dims[dims.length - 1];
  }

  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements, computed in long so that a hostile shape cannot wrap. */
  public long size() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** {@link #size()} for shapes the loader has already bounded to 2^30 elements. */
  public int elements() {
    return (int) size();
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape other && Arrays.equals(dims, other.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Python tuple notation, as the reference prints shapes: {@code (1, 3, 32, 32)}. */
  @Override
  public String toString() {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return sb.append(')').toString();
  }
}
