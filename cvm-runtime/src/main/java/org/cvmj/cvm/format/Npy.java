package org.cvmj.cvm.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.tensor.Shape;

/**
 * NumPy {@code .npy} files (version 1.0-3.0 headers, either byte order, C order only): the one reader and
 * writer of the format. {@link #read} gives the integers (int8, uint8, int16, uint16, int32) that the CLI's
 * {@code --input}/{@code --output} exchange; {@link #readFloats} gives any numeric array as floats, for datasets.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d{1,3})'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** Integer values and their shape. */
  public record Array(Shape shape, int[] values) {}

  /** Numeric values as float32, and their shape. */
  public record FloatArray(Shape shape, float[] values) {}

  private Npy() {}

  public static Array read(byte[] file) throws ModelException {
    Header h = parseHeader(file);
    if (!((h.kind == 'i' || h.kind == 'u') && (h.width == 1 || h.width == 2 || (h.width == 4 && h.kind == 'i')))) {
      throw error("dtype " + h.kind + h.width + " is not supported (int8, uint8, int16, uint16, int32)");
    }
    ByteBuffer data = h.data(file);
    int[] values = new int[h.count()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (int) h.integer(data);
    }
    return new Array(h.shape, values);
  }

  /**
   * Reads any numeric array as float32 values: float32/float64 (float64 rounded to nearest), and every integer
   * dtype (int8..int64, uint8..uint64; magnitudes above 2^24 round to the nearest float). Used for datasets,
   * whose images come as float or uint8 arrays and whose labels as any integer type.
   */
  public static FloatArray readFloats(byte[] file) throws ModelException {
    Header h = parseHeader(file);
    boolean supported = switch (h.kind) {
      case 'f' -> h.width == 4 || h.width == 8;
      case 'i', 'u' -> h.width == 1 || h.width == 2 || h.width == 4 || h.width == 8;
      default -> false;
    };
    if (!supported) {
      throw error("dtype " + h.kind + h.width + " is not supported (float32, float64, or an integer type)");
    }
    ByteBuffer data = h.data(file);
    float[] values = new float[h.count()];
    for (int i = 0; i < values.length; i++) {
      if (h.kind == 'f') {
        values[i] = h.width == 4 ? data.getFloat() : (float) data.getDouble();
      } else if (h.kind == 'u' && h.width == 8) {
        values[i] = unsignedLongToFloat(data.getLong());
      } else {
        values[i] = (float) h.integer(data);
      }
    }
    return new FloatArray(h.shape, values);
  }

  private static float unsignedLongToFloat(long v) {
    return v >= 0 ? (float) v : (float) ((v >>> 1) | (v & 1)) * 2f;
  }

  /** The parsed header: dtype kind ('i', 'u', 'f', 'b', ...), bytes per value, byte order, data offset. */
  private record Header(Shape shape, char kind, int width, ByteOrder order, int dataStart) {
    int count() {
      return (int) shape.size();
    }

    ByteBuffer data(byte[] file) {
      return ByteBuffer.wrap(file, dataStart, file.length - dataStart).order(order);
    }

    /** The next integer value ('i' or 'u' kinds); uint64 above Long.MAX_VALUE is not representable here. */
    long integer(ByteBuffer data) {
      boolean unsigned = kind == 'u';
      return switch (width) {
        case 1 -> unsigned ? Byte.toUnsignedInt(data.get()) : data.get();
        case 2 -> unsigned ? Short.toUnsignedInt(data.getShort()) : data.getShort();
        case 4 -> unsigned ? Integer.toUnsignedLong(data.getInt()) : data.getInt();
        default -> data.getLong();
      };
    }
  }

  private static Header parseHeader(byte[] file) throws ModelException {
    if (file.length < 10 || !java.util.Arrays.equals(java.util.Arrays.copyOf(file, 6), MAGIC)) {
      throw error("not an .npy file (missing \\x93NUMPY magic)");
    }
    int major = file[6];
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen;
    int start;
    if (major == 1) {
      headerLen = Short.toUnsignedInt(in.getShort(8));
      start = 10;
    } else if (major == 2 || major == 3) {
      if (file.length < 12) {
        throw error("truncated header");
      }
      headerLen = Integer.toUnsignedLong(in.getInt(8));
      start = 12;
    } else {
      throw error("unsupported .npy version " + major);
    }
    if (start + headerLen > file.length) {
      throw error("header length " + headerLen + " exceeds the file");
    }
    String header = new String(file, start, (int) headerLen, StandardCharsets.UTF_8);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) {
      throw error("header is not a numeric array description: " + header.strip());
    }
    if (f.group(1).equals("True")) {
      throw error("Fortran-order arrays are not supported");
    }
    char kind = d.group(2).charAt(0);
    int width = Integer.parseInt(d.group(3));
    ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Shape shape = parseShape(s.group(1));
    long count = shape.size();
    int dataStart = start + (int) headerLen;
    if (count > Integer.MAX_VALUE || count * width != file.length - dataStart) {
      throw error("shape " + shape + " needs " + count * width + " data bytes, the file has "
          + (file.length - dataStart));
    }
    return new Header(shape, kind, width, order, dataStart);
  }

  /** Writes int8 when {@code bytesPerValue} is 1, otherwise little-endian int32. */
  public static byte[] write(Shape shape, int[] values, int bytesPerValue) {
    String header = "{'descr': '" + (bytesPerValue == 1 ? "|i1" : "<i4") + "', 'fortran_order': False, 'shape': "
        + shape + ", }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + values.length * bytesPerValue)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.US_ASCII));
    for (int v : values) {
      if (bytesPerValue == 1) {
        out.put((byte) v);
      } else {
        out.putInt(v);
      }
    }
    return out.array();
  }

  private static Shape parseShape(String text) throws ModelException {
    String[] parts = text.split(",");
    int[] dims = new int[parts.length];
    int n = 0;
    for (String p : parts) {
      if (!p.isBlank()) {
        try {
          dims[n++] = Integer.parseInt(p.strip().replace("L", ""));
        } catch (NumberFormatException e) {
          throw error("shape (" + text + ") is not a tuple of integers");
        }
      }
    }
    return Shape.of(java.util.Arrays.copyOf(dims, n));
  }

  private static ModelException error(String detail) {
    return new ModelException(Rule.INPUT, ".npy: " + detail);
  }
}
