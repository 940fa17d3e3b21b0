package org.cvmj.mrt.mxnet;

import static org.cvmj.mrt.mxnet.MxNdArrayFormat.FLOAT16;
import static org.cvmj.mrt.mxnet.MxNdArrayFormat.FLOAT32;
import static org.cvmj.mrt.mxnet.MxNdArrayFormat.FLOAT64;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;

/**
 * Reads an MXNet {@code .params} file (an NDArray list, {@code spec/java-dependencies.md} §3): records in the
 * V1, V2, V3 and pre-V1 legacy layouts, dense storage, float32 data (float64 and float16 are converted to
 * float32). Names may carry {@code arg:}/{@code aux:} prefixes (Module checkpoints, Gluon {@code export}) or none
 * (Gluon {@code save_parameters}), but not a mix.
 *
 * <p>The file is hostile until proven otherwise: every count and length is checked against the bytes left before
 * anything is allocated, and every error names the byte offset and the array (its index, and its name once the
 * names, which come after all records, are known).
 */
public final class MxParamsReader {
  /** The smallest record: a legacy record whose shape has no dimensions is just its 4-byte ndim. */
  private static final int MIN_RECORD_BYTES = 4;

  private final String source;
  private final ByteBuffer buf;
  private String where = "header";

  private MxParamsReader(byte[] bytes, String source) {
    this.source = source;
    this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  public static MxParams read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | OutOfMemoryError e) {
      throw new MrtException(file + ": cannot read MXNet params: " + e, e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses a whole params file; {@code source} names it in error messages. */
  public static MxParams parse(byte[] bytes, String source) {
    return new MxParamsReader(bytes, source).params();
  }

  /** Where a record's fields are, before its data is converted (which needs its name for messages). */
  private record Record(int index, int offset, Shape shape, int dtype, int dataOffset, boolean none) {}

  private MxParams params() {
    long magic = u64("the list magic");
    if (magic != MxNdArrayFormat.LIST_MAGIC) {
      throw fail(0, "list magic is 0x" + Long.toHexString(magic) + ", expected 0x112: not an MXNet NDArray list"
          + " (.params) file");
    }
    u64("the reserved field");
    long n = count("the number of arrays", MIN_RECORD_BYTES);
    List<Record> records = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      where = "array " + i;
      records.add(record(i));
    }
    where = "names";
    int namesAt = buf.position();
    long k = count("the number of names", 8);
    if (k == 0 && n > 0) {
      throw fail(namesAt, "the file has " + n + " array(s) but no names; a model's parameters must be named");
    }
    if (k != n) {
      throw fail(namesAt, "the file has " + n + " array(s) but " + k + " name(s)");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      where = "name " + i;
      names.add(name());
    }
    if (buf.hasRemaining()) {
      throw fail(buf.position(), buf.remaining() + " unexpected bytes after the last name");
    }
    return assemble(records, names);
  }

  private Record record(int i) {
    int start = buf.position();
    int magic = i32("the record magic");
    boolean v3 = magic == MxNdArrayFormat.V3_MAGIC;
    boolean legacy = false;
    if (magic == MxNdArrayFormat.V2_MAGIC || v3) {
      int stypeAt = buf.position();
      int stype = i32("the storage type");
      if (stype != MxNdArrayFormat.STYPE_DENSE) {
        throw fail(stypeAt, "storage type " + stype + " (" + storageName(stype)
            + "); only dense arrays are supported");
      }
    } else if (magic != MxNdArrayFormat.V1_MAGIC) {
      legacy = true; // before V1 a record starts with its ndim, and the dimensions are 32-bit
    }
    int shapeAt = legacy ? start : buf.position();
    long ndim = legacy ? Integer.toUnsignedLong(magic) : i32("the number of dimensions");
    if (v3 && ndim == -1) {
      return new Record(i, start, null, -1, -1, true);
    }
    if (ndim < 0) {
      throw fail(shapeAt, "number of dimensions is " + ndim);
    }
    int dimBytes = legacy ? 4 : 8;
    if (ndim > buf.remaining() / dimBytes) {
      throw fail(shapeAt, "number of dimensions " + ndim + " needs " + ndim * dimBytes + " bytes, only "
          + buf.remaining() + " left" + (legacy ? " (0x" + Integer.toHexString(magic)
          + " is no V1/V2/V3 record magic, so it was read as a legacy record's ndim)" : ""));
    }
    int[] dims = new int[(int) ndim];
    boolean unknown = ndim == 0 && !v3; // before numpy semantics, ndim 0 meant "no shape", not a scalar
    for (int d = 0; d < ndim; d++) {
      int at = buf.position();
      long dim = legacy ? Integer.toUnsignedLong(i32("a dimension")) : i64("a dimension");
      if (dim == -1 || (dim == 0 && !v3)) {
        unknown = true; // MXNet reads such a record as an empty NDArray ("none")
      } else if (dim < 0 || dim > Integer.MAX_VALUE) {
        throw fail(at, "dimension " + d + " is " + dim);
      } else {
        dims[d] = (int) dim;
      }
    }
    if (unknown) {
      return new Record(i, start, null, -1, -1, true);
    }
    int ctxAt = buf.position();
    int devType = i32("the device type");
    i32("the device id");
    if (!MxNdArrayFormat.knownDevice(devType)) {
      throw fail(ctxAt, "device type " + devType + " is not an MXNet context (1 cpu, 2 gpu, 3 cpu_pinned, 5 cpu_shared)");
    }
    int dtypeAt = buf.position();
    int dtype = i32("the data type");
    if (!MxNdArrayFormat.knownDtype(dtype)) {
      throw fail(dtypeAt, "data type flag " + dtype + " is not an MXNet type");
    }
    Shape shape = Shape.of(dims);
    long elements = elements(dims); // -1 when the product overflows a long
    long size = MxNdArrayFormat.dtypeSize(dtype);
    int dataAt = buf.position();
    if (elements < 0 || elements > buf.remaining() / size) {
      throw fail(dataAt, "shape " + shape + " of " + MxNdArrayFormat.dtypeName(dtype) + " needs "
          + (elements < 0 ? "more than 2^63" : String.valueOf(elements * size)) + " bytes, only " + buf.remaining()
          + " left");
    }
    buf.position(dataAt + (int) (elements * size));
    return new Record(i, start, shape, dtype, dataAt, false);
  }

  private static long elements(int[] dims) {
    long n = 1;
    for (int d : dims) {
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return n;
  }

  private String name() {
    int at = buf.position();
    long len = count("the name length", 1);
    byte[] raw = new byte[(int) len];
    buf.get(raw);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw fail(at, "name is not valid UTF-8");
    }
  }

  private MxParams assemble(List<Record> records, List<String> names) {
    boolean prefixed = !names.isEmpty() && hasPrefix(names.get(0));
    Map<String, FTensor> tensors = new LinkedHashMap<>();
    Set<String> aux = new LinkedHashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String full = names.get(i);
      if (hasPrefix(full) != prefixed) {
        throw new MrtException(source + ": array " + i + " '" + full + "': "
            + (prefixed ? "has no arg:/aux: prefix, but array 0 '" + names.get(0) + "' has one"
                : "has an arg:/aux: prefix, but array 0 '" + names.get(0) + "' has none")
            + "; a params file uses prefixes for all names or for none");
      }
      String name = prefixed ? full.substring(4) : full;
      Record r = records.get(i);
      String label = source + ": byte " + r.offset() + ": array " + i + " '" + full + "'";
      if (name.isEmpty()) {
        throw new MrtException(label + ": empty parameter name");
      }
      if (tensors.containsKey(name)) {
        throw new MrtException(label + ": parameter '" + name + "' appears twice");
      }
      if (r.none()) {
        throw new MrtException(label + ": has no shape (an empty NDArray), so it holds no value");
      }
      tensors.put(name, tensor(r, label));
      if (full.startsWith("aux:")) {
        aux.add(name);
      }
    }
    return new MxParams(tensors, aux);
  }

  private FTensor tensor(Record r, String label) {
    long count = r.shape().size();
    if (count > Integer.MAX_VALUE - 8) {
      throw new MrtException(label + ": " + count + " elements is more than one Java array holds");
    }
    float[] out = new float[(int) count];
    ByteBuffer data = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(r.dataOffset());
    switch (r.dtype()) {
      case FLOAT32 -> data.asFloatBuffer().get(out);
      case FLOAT64 -> {
        for (int j = 0; j < out.length; j++) {
          out[j] = (float) data.getDouble();
        }
      }
      case FLOAT16 -> {
        for (int j = 0; j < out.length; j++) {
          out[j] = Half.toFloat(data.getShort());
        }
      }
      default -> throw new MrtException(label + ": data type " + MxNdArrayFormat.dtypeName(r.dtype())
          + " is not supported; a float model's parameters must be float32 (float64 and float16 are converted)");
    }
    return new FTensor(r.shape(), out);
  }

  private static boolean hasPrefix(String name) {
    return name.startsWith("arg:") || name.startsWith("aux:");
  }

  private static String storageName(int stype) {
    return switch (stype) {
      case 1 -> "row_sparse";
      case 2 -> "csr";
      default -> "unknown";
    };
  }

  /** A u64 count of items of at least {@code minBytes} each, bounded by the bytes left. */
  private long count(String what, int minBytes) {
    int at = buf.position();
    long v = u64(what);
    if (v < 0 || v > buf.remaining() / minBytes) {
      throw fail(at, what + " is " + Long.toUnsignedString(v) + ", but only " + buf.remaining()
          + " bytes are left");
    }
    return v;
  }

  private long u64(String what) {
    need(8, what);
    return buf.getLong();
  }

  private long i64(String what) {
    need(8, what);
    return buf.getLong();
  }

  private int i32(String what) {
    need(4, what);
    return buf.getInt();
  }

  private void need(int bytes, String what) {
    if (buf.remaining() < bytes) {
      throw fail(buf.position(), "file ends inside " + what + " (" + bytes + " bytes needed, " + buf.remaining()
          + " left)");
    }
  }

  private MrtException fail(int offset, String what) {
    return new MrtException(source + ": byte " + offset + " (" + where + "): " + what);
  }
}
