package org.cvmj.mrt.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * Reads IDX files (the MNIST format), plain or gzip-compressed: a big-endian header {@code 0x00 0x00 type ndim},
 * then ndim uint32 dimensions, then the elements in row-major order. The element count must account for every
 * byte: a truncated download or a file with trailing garbage is an error, never a silently short dataset.
 */
public final class IdxReader {
  private IdxReader() {}

  public static IdxArray read(Path file) {
    return parse(MaybeGzipped.read(file), file.toString());
  }

  /** Parses file contents; gzip-compressed contents are decompressed first. {@code name} is for messages. */
  public static IdxArray read(byte[] bytes, String name) {
    return MaybeGzipped.isGzip(bytes) ? parse(MaybeGzipped.gunzip(bytes, name), name) : parse(bytes, name);
  }

  private static IdxArray parse(byte[] bytes, String name) {
    if (bytes.length < 4) {
      throw new MrtException(name + ": not an IDX file (" + bytes.length + " bytes, the magic number alone is 4)");
    }
    if (bytes[0] != 0 || bytes[1] != 0) {
      throw new MrtException(String.format(
          "%s: offset 0: not an IDX file (the magic number must start with two zero bytes, got 0x%02X 0x%02X)",
          name, bytes[0] & 0xff, bytes[1] & 0xff));
    }
    IdxType type = IdxType.ofCode(bytes[2] & 0xff);
    if (type == null) {
      throw new MrtException(String.format("%s: offset 2: unknown IDX element type 0x%02X (known: %s)",
          name, bytes[2] & 0xff, IdxType.known()));
    }
    int ndim = bytes[3] & 0xff;
    if (ndim == 0) {
      throw new MrtException(name + ": offset 3: an IDX file needs at least one dimension, the header says 0");
    }
    int dataOffset = 4 + 4 * ndim;
    if (bytes.length < dataOffset) {
      throw new MrtException(name + ": truncated header: " + ndim + " dimensions need " + dataOffset
          + " header bytes, the file has " + bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int[] dims = new int[ndim];
    long count = 1;
    for (int i = 0; i < ndim; i++) {
      long d = Integer.toUnsignedLong(in.getInt(4 + 4 * i));
      if (d > Integer.MAX_VALUE) {
        throw new MrtException(name + ": offset " + (4 + 4 * i) + ": dimension " + i + " is " + d + ", too large");
      }
      dims[i] = (int) d;
      count *= d;
      if (count > Integer.MAX_VALUE) {
        throw new MrtException(name + ": more than 2^31 elements: dimensions " + Shape.of(dims) + "...");
      }
    }
    Shape shape = Shape.of(dims);
    long need = count * type.width();
    long have = bytes.length - dataOffset;
    if (need != have) {
      throw new MrtException(name + ": dimensions " + shape + " of " + type + " need " + need
          + " data bytes from offset " + dataOffset + ", the file has " + have
          + (have < need ? " (truncated)" : " (trailing bytes)"));
    }
    return new IdxArray(name, type, shape, bytes, dataOffset);
  }
}
