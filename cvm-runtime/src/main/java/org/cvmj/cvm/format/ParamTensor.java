package org.cvmj.cvm.format;

import org.cvmj.cvm.tensor.Shape;

/**
 * One named tensor of a params file. CVM params are integers stored as int8 or int32 ({@code bits});
 * values are held widened to int. The device fields are kept only so that a file reads and writes back
 * byte for byte.
 */
public record ParamTensor(String name, int bits, Shape shape, int[] values, int deviceType, int deviceId) {

  public ParamTensor {
    if (bits != 8 && bits != 32) {
      throw new IllegalArgumentException("bits must be 8 or 32, got " + bits);
    }
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(values.length + " values for shape " + shape);
    }
  }

  /** A CPU tensor, stored as int8 when {@code bits} is 8 (MRT does so for precisions up to 8). */
  public static ParamTensor of(String name, int bits, Shape shape, int[] values) {
    return new ParamTensor(name, bits, shape, values, 1, 0);
  }
}
