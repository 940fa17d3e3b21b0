package org.cvmj.cvm.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.tensor.Shape;

/**
 * Reads a params file (spec cvm-format-and-ops.md §1.2). Every length is checked against the bytes that
 * remain before anything is allocated, so a corrupt or hostile file fails with the offset that is wrong.
 */
public final class ParamsReader {
  private static final int MAX_NDIM = 32;

  private final ByteBuffer in;

  private ParamsReader(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  public static List<ParamTensor> read(byte[] bytes) throws ModelException {
    return new ParamsReader(bytes).readAll();
  }

  private List<ParamTensor> readAll() throws ModelException {
    long magic = u64("list magic");
    if (magic != ParamsFormat.LIST_MAGIC) {
      throw error(0, String.format("bad magic 0x%016X, expected 0x%016X", magic, ParamsFormat.LIST_MAGIC));
    }
    u64("reserved");
    int count = length(u64("name count"), 8, "name count");
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = in.position();
      int len = length(u64("name length"), 1, "name " + i + " length");
      byte[] raw = new byte[len];
      in.get(raw);
      try {
        names.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString());
      } catch (CharacterCodingException e) {
        throw error(at, "name " + i + " is not valid UTF-8");
      }
    }
    int at = in.position();
    long tensors = u64("tensor count");
    if (tensors != count) {
      throw error(at, "tensor count " + tensors + " differs from name count " + count);
    }
    List<ParamTensor> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(tensor(names.get(i)));
    }
    if (in.hasRemaining()) {
      throw error(in.position(), in.remaining() + " unexpected bytes after the last tensor");
    }
    return out;
  }

  private ParamTensor tensor(String name) throws ModelException {
    int start = in.position();
    String what = "tensor '" + name + "'";
    long magic = u64(what + " magic");
    if (magic != ParamsFormat.TENSOR_MAGIC) {
      throw error(start, String.format("%s: bad magic 0x%016X, expected 0x%016X", what, magic,
          ParamsFormat.TENSOR_MAGIC));
    }
    u64(what + " reserved");
    need(12 + 4, what + " header");
    int deviceType = in.getInt();
    int deviceId = in.getInt();
    int ndim = in.getInt();
    int code = Byte.toUnsignedInt(in.get());
    int bits = Byte.toUnsignedInt(in.get());
    int lanes = Short.toUnsignedInt(in.getShort());
    if (ndim < 0 || ndim > MAX_NDIM) {
      throw error(start, what + ": ndim " + ndim + " is out of range 0.." + MAX_NDIM);
    }
    if (code != ParamsFormat.DTYPE_INT || (bits != 8 && bits != 32) || lanes != 1) {
      throw error(start, what + ": dtype (code " + code + ", bits " + bits + ", lanes " + lanes
          + ") is not int8 or int32, the only types CVM params may have");
    }
    need(8L * ndim, what + " shape");
    int[] dims = new int[ndim];
    long elements = 1;
    for (int d = 0; d < ndim; d++) {
      long v = in.getLong();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw error(start, what + ": dimension " + d + " = " + v + " is out of range");
      }
      dims[d] = (int) v;
      elements *= v;
      if (elements > Integer.MAX_VALUE) {
        throw error(start, what + ": more than 2^31 elements");
      }
    }
    int width = bits / 8;
    int sizeAt = in.position();
    long byteSize = u64(what + " data size");
    if (byteSize != elements * width) {
      throw error(sizeAt, what + ": data size " + byteSize + " bytes, expected " + elements * width
          + " for shape " + Shape.of(dims) + " of int" + bits);
    }
    need(byteSize, what + " data");
    int[] values = new int[(int) elements];
    for (int i = 0; i < values.length; i++) {
      values[i] = width == 1 ? in.get() : in.getInt();
    }
    return new ParamTensor(name, bits, Shape.of(dims), values, deviceType, deviceId);
  }

  private long u64(String what) throws ModelException {
    need(8, what);
    return in.getLong();
  }

  /** A count or length that must fit in the bytes left, at {@code unit} bytes per item. */
  private int length(long n, int unit, String what) throws ModelException {
    if (n < 0 || n > in.remaining() / unit) {
      throw error(in.position() - 8, what + " " + Long.toUnsignedString(n) + " exceeds the "
          + in.remaining() + " bytes left");
    }
    return (int) n;
  }

  private void need(long bytes, String what) throws ModelException {
    if (bytes > in.remaining()) {
      throw error(in.position(), "file ends inside " + what + " (" + bytes + " bytes needed, "
          + in.remaining() + " left)");
    }
  }

  private static ModelException error(int offset, String detail) {
    return new ModelException(Rule.PARAMS_FORMAT, "at byte " + offset + ": " + detail);
  }
}
