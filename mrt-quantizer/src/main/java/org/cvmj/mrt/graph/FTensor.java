package org.cvmj.mrt.graph;

import org.cvmj.cvm.tensor.Shape;

/** A float32 tensor in row-major order. The array is shared, not copied: treat it as read-only once built. */
public record FTensor(Shape shape, float[] data) {
  public FTensor {
    if (shape.size() != data.length) {
      throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
    }
  }

  public static FTensor zeros(Shape shape) {
    return new FTensor(shape, new float[Math.toIntExact(shape.size())]);
  }

  public static FTensor of(Shape shape, float... data) {
    return new FTensor(shape, data);
  }

  /** The largest absolute value (0 for an empty tensor). */
  public float absMax() {
    float m = 0;
    for (float v : data) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
