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
 * NumPy {@code .npy} files of integers (version 1.0-3.0 headers; int8, uint8, int16 and int32 in either
 * byte order, C order only): the reader and writer for the CLI's {@code --input}/{@code --output}.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([iu])(\\d)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** Integer values and their shape. */
  public record Array(Shape shape, int[] values) {}

  private Npy() {}

  public static Array read(byte[] file) throws ModelException {
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
      throw error("header is not an integer array description: " + header.strip());
    }
    if (f.group(1).equals("True")) {
      throw error("Fortran-order arrays are not supported");
    }
    boolean unsigned = d.group(2).equals("u");
    int width = Integer.parseInt(d.group(3));
    if (!(width == 1 || width == 2 || (width == 4 && !unsigned))) {
      throw error("dtype " + d.group(2) + width + " is not supported (int8, uint8, int16, uint16, int32)");
    }
    ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Shape shape = parseShape(s.group(1));
    long count = shape.size();
    int dataStart = start + (int) headerLen;
    if (count * width != file.length - dataStart) {
      throw error("shape " + shape + " needs " + count * width + " data bytes, the file has "
          + (file.length - dataStart));
    }
    ByteBuffer data = ByteBuffer.wrap(file, dataStart, file.length - dataStart).order(order);
    int[] values = new int[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (width) {
        case 1 -> unsigned ? Byte.toUnsignedInt(data.get()) : data.get();
        case 2 -> unsigned ? Short.toUnsignedInt(data.getShort()) : data.getShort();
        default -> data.getInt();
      };
    }
    return new Array(shape, values);
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
