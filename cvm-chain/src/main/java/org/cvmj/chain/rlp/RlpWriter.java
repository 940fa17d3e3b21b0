package org.cvmj.chain.rlp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RLP encoder. Byte strings and integers are written in their canonical form; lists are opened with
 * {@link #startList()} and closed with {@link #endList()}, and their headers are filled in by
 * {@link #toByteArray()}, so nothing is copied more than twice whatever the nesting.
 */
public final class RlpWriter {
  private byte[] buf = new byte[64];
  private int size;
  /** Open lists: index into {@link #headers} of each. */
  private final List<Integer> open = new ArrayList<>();
  /** List headers in the order their lists were opened: position in buf and payload length (-1 while open). */
  private final List<int[]> headers = new ArrayList<>();
  private int headerBytes;

  /** Writes a byte string. */
  public RlpWriter writeBytes(byte[] value) {
    return writeBytes(value, 0, value.length);
  }

  /** Writes {@code value[from, from + length)} as a byte string. */
  public RlpWriter writeBytes(byte[] value, int from, int length) {
    if (length == 1 && (value[from] & 0xff) < 0x80) {
      put(value[from]);
      return this;
    }
    writeHeader(0x80, length);
    put(value, from, length);
    return this;
  }

  /** Writes an unsigned 64-bit integer (minimal big-endian, 0 as the empty string). */
  public RlpWriter writeLong(long value) {
    if (value == 0) {
      put((byte) 0x80);
      return this;
    }
    if (value > 0 && value < 0x80) {
      put((byte) value);
      return this;
    }
    int n = 8 - Long.numberOfLeadingZeros(value) / 8;
    put((byte) (0x80 + n));
    for (int i = n - 1; i >= 0; i--) {
      put((byte) (value >>> (8 * i)));
    }
    return this;
  }

  /** Writes a non-negative integer (minimal big-endian, 0 as the empty string). */
  public RlpWriter writeBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are non-negative, got " + value);
    }
    if (value.bitLength() < 64) {
      return writeLong(value.longValue());
    }
    byte[] b = value.toByteArray();
    int from = b[0] == 0 ? 1 : 0;
    return writeBytes(b, from, b.length - from);
  }

  /** Copies an already encoded item verbatim (for example an inline trie node). */
  public RlpWriter writeRaw(byte[] encoded) {
    put(encoded, 0, encoded.length);
    return this;
  }

  /** Writes an item tree. */
  public RlpWriter writeItem(RlpItem item) {
    if (item instanceof RlpItem.Bytes b) {
      return writeBytes(b.value());
    }
    startList();
    for (RlpItem child : ((RlpItem.Items) item).items()) {
      writeItem(child);
    }
    return endList();
  }

  /** Opens a list; the items written until the matching {@link #endList()} are its elements. */
  public RlpWriter startList() {
    open.add(headers.size());
    headers.add(new int[] {size, -1, headerBytes});
    return this;
  }

  /** Closes the innermost open list. */
  public RlpWriter endList() {
    if (open.isEmpty()) {
      throw new IllegalStateException("endList() without a matching startList()");
    }
    int[] h = headers.get(open.remove(open.size() - 1));
    int payload = (size - h[0]) + (headerBytes - h[2]);
    h[1] = payload;
    headerBytes += headerLength(payload);
    return this;
  }

  /** The encoding of everything written so far; every list must be closed. */
  public byte[] toByteArray() {
    if (!open.isEmpty()) {
      throw new IllegalStateException(open.size() + " list(s) still open");
    }
    byte[] out = new byte[size + headerBytes];
    int o = 0;
    int from = 0;
    for (int[] h : headers) { // opened order = position order, outer before inner at equal positions
      System.arraycopy(buf, from, out, o, h[0] - from);
      o += h[0] - from;
      from = h[0];
      o = putHeader(out, o, 0xc0, h[1]);
    }
    System.arraycopy(buf, from, out, o, size - from);
    return out;
  }

  /** Encodes a single byte string. */
  public static byte[] encodeBytes(byte[] value) {
    return new RlpWriter().writeBytes(value).toByteArray();
  }

  private static int headerLength(int length) {
    return length < 56 ? 1 : 1 + bytesOf(length);
  }

  private static int bytesOf(int length) {
    return 4 - Integer.numberOfLeadingZeros(length) / 8;
  }

  private void writeHeader(int base, int length) {
    ensure(9);
    size = putHeader(buf, size, base, length);
  }

  private static int putHeader(byte[] out, int o, int base, int length) {
    if (length < 56) {
      out[o++] = (byte) (base + length);
      return o;
    }
    int n = bytesOf(length);
    out[o++] = (byte) (base + 55 + n);
    for (int i = n - 1; i >= 0; i--) {
      out[o++] = (byte) (length >>> (8 * i));
    }
    return o;
  }

  private void put(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  private void put(byte[] b, int from, int length) {
    ensure(length);
    System.arraycopy(b, from, buf, size, length);
    size += length;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
