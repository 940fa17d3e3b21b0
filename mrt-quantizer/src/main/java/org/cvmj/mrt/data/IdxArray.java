package org.cvmj.mrt.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * The contents of one IDX file: element type, dimensions and the raw big-endian data, decoded on demand so that
 * a byte image file is not held as floats and ints at once.
 *
 * @param name the file, for error messages
 * @param data the whole (decompressed) file; elements start at {@code dataOffset}
 */
public record IdxArray(String name, IdxType type, Shape shape, byte[] data, int dataOffset) {
  /** Number of elements. */
  public int count() {
    return (int) shape.size();
  }

  /** Every element as a float (float64 rounds to nearest; int32 beyond 2^24 rounds too). */
  public float[] toFloats() {
    float[] out = new float[count()];
    if (type == IdxType.U8) {
      for (int i = 0; i < out.length; i++) {
        out[i] = data[dataOffset + i] & 0xff;
      }
      return out;
    }
    ByteBuffer in = ByteBuffer.wrap(data, dataOffset, data.length - dataOffset).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (type) {
        case U8 -> in.get() & 0xff;
        case I8 -> in.get();
        case I16 -> in.getShort();
        case I32 -> in.getInt();
        case F32 -> in.getFloat();
        case F64 -> (float) in.getDouble();
      };
    }
    return out;
  }

  /** Every element as an int; only for the integer types (labels are integers, a float file is a mistake). */
  public int[] toInts() {
    if (type.isFloat()) {
      throw new MrtException(name + ": holds " + type + " values where integers (labels) were expected");
    }
    int[] out = new int[count()];
    ByteBuffer in = ByteBuffer.wrap(data, dataOffset, data.length - dataOffset).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (type) {
        case U8 -> in.get() & 0xff;
        case I8 -> in.get();
        case I16 -> in.getShort();
        default -> in.getInt();
      };
    }
    return out;
  }
}
