package org.cvmj.cvm.tensor;

/**
 * An int32 tensor: a shape viewed at offset 0 of a buffer. Several tensors may view the same buffer
 * (entries that share a storage id), so the buffer can be longer than the shape.
 */
public record Tensor(int[] data, Shape shape) {

  public static Tensor zeros(Shape shape) {
    return new Tensor(new int[shape.elements()], shape);
  }

  public static Tensor of(Shape shape, int... values) {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(values.length + " values for shape " + shape);
    }
    return new Tensor(values.clone(), shape);
  }

  public int size() {
    return shape.elements();
  }

  /** A copy of exactly the elements this tensor covers. */
  public int[] toArray() {
    return java.util.Arrays.copyOf(data, size());
  }
}
