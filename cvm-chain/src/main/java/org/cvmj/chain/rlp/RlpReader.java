package org.cvmj.chain.rlp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict RLP decoder: a cursor over a sequence of items in {@code input[start, end)}. Only canonical encodings
 * are accepted (minimal lengths, no leading zeros in a length, single bytes below 0x80 as themselves, nothing
 * past the end of an enclosing list); integers read by {@link #readLong()} and {@link #readBigInteger(int)}
 * must also be minimal (no leading zero bytes). Offsets in errors are relative to the original input.
 */
public final class RlpReader {
  private final byte[] input;
  private final int end;
  private int pos;

  /** A reader over all of {@code input}; it is not copied and must not change while it is read. */
  public RlpReader(byte[] input) {
    this(input, 0, input.length);
  }

  /** A reader over {@code input[start, end)}; offsets in errors stay relative to the whole array. */
  public RlpReader(byte[] input, int start, int end) {
    if (start < 0 || end > input.length || start > end) {
      throw new IllegalArgumentException("range [" + start + ", " + end + ") is outside an input of "
          + input.length + " bytes");
    }
    this.input = input;
    this.pos = start;
    this.end = end;
  }

  /** Offset of the next item's header. */
  public int position() {
    return pos;
  }

  /** Whether another item follows in this list (or in the top-level input). */
  public boolean hasNext() {
    return pos < end;
  }

  /** Whether the next item is a list. */
  public boolean nextIsList() throws RlpException {
    return header().list;
  }

  /** Fails unless every byte of this reader's range has been consumed. */
  public void requireEnd() throws RlpException {
    if (pos != end) {
      throw new RlpException(pos, (end - pos) + " unexpected byte(s) after the last RLP item");
    }
  }

  /** The next item, which must be a byte string; returns its content. */
  public byte[] readBytes() throws RlpException {
    Header h = header();
    if (h.list) {
      throw new RlpException(pos, "expected a byte string but found a list");
    }
    byte[] out = new byte[h.length];
    System.arraycopy(input, h.payload, out, 0, h.length);
    pos = h.payload + h.length;
    return out;
  }

  /** The next item, which must be a byte string of exactly {@code length} bytes. */
  public byte[] readFixed(int length) throws RlpException {
    int at = pos;
    byte[] b = readBytes();
    if (b.length != length) {
      throw new RlpException(at, "expected " + length + " bytes but found " + b.length);
    }
    return b;
  }

  /** The next item, which must be a list; returns a reader over its elements and moves past it. */
  public RlpReader readList() throws RlpException {
    Header h = header();
    if (!h.list) {
      throw new RlpException(pos, "expected a list but found a byte string");
    }
    pos = h.payload + h.length;
    return new RlpReader(input, h.payload, h.payload + h.length);
  }

  /** The next item's complete encoding (header and payload), unparsed beyond its header. */
  public byte[] readRaw() throws RlpException {
    Header h = header();
    int start = pos;
    int stop = h.payload + h.length;
    byte[] out = new byte[stop - start];
    System.arraycopy(input, start, out, 0, out.length);
    pos = stop;
    return out;
  }

  /** The next item as an unsigned integer of at most 8 bytes, without leading zeros (0 is the empty string). */
  public long readLong() throws RlpException {
    int at = pos;
    byte[] b = readBytes();
    if (b.length > 8) {
      throw new RlpException(at, "integer of " + b.length + " bytes does not fit 64 bits");
    }
    requireNoLeadingZero(b, at);
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  /** The next item as a non-negative integer of at most {@code maxBytes} bytes, without leading zeros. */
  public BigInteger readBigInteger(int maxBytes) throws RlpException {
    int at = pos;
    byte[] b = readBytes();
    if (b.length > maxBytes) {
      throw new RlpException(at, "integer of " + b.length + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
    requireNoLeadingZero(b, at);
    return new BigInteger(1, b);
  }

  /** The next item as a tree. */
  public RlpItem readItem() throws RlpException {
    int at = pos;
    if (nextIsList()) {
      RlpReader inner = readList();
      List<RlpItem> items = new ArrayList<>();
      while (inner.hasNext()) {
        items.add(inner.readItem());
      }
      return new RlpItem.Items(items, at);
    }
    return new RlpItem.Bytes(readBytes(), at);
  }

  /** Skips the next item. */
  public void skip() throws RlpException {
    Header h = header();
    pos = h.payload + h.length;
  }

  private static void requireNoLeadingZero(byte[] b, int at) throws RlpException {
    if (b.length > 0 && b[0] == 0) {
      throw new RlpException(at, "integer has leading zero bytes (RLP integers must be minimal)");
    }
  }

  private record Header(boolean list, int payload, int length) {}

  private Header header() throws RlpException {
    if (pos >= end) {
      throw new RlpException(pos, "unexpected end of input: expected an RLP item");
    }
    int b = input[pos] & 0xff;
    if (b < 0x80) {
      return new Header(false, pos, 1);
    }
    if (b <= 0xb7) {
      int len = b - 0x80;
      checkFits(pos + 1, len);
      if (len == 1 && (input[pos + 1] & 0xff) < 0x80) {
        throw new RlpException(pos, "single byte 0x" + Integer.toHexString(input[pos + 1] & 0xff)
            + " below 0x80 must be encoded as itself, not as a 1-byte string");
      }
      return new Header(false, pos + 1, len);
    }
    if (b <= 0xbf) {
      return longHeader(false, b - 0xb7);
    }
    if (b <= 0xf7) {
      int len = b - 0xc0;
      checkFits(pos + 1, len);
      return new Header(true, pos + 1, len);
    }
    return longHeader(true, b - 0xf7);
  }

  private Header longHeader(boolean list, int lenOfLen) throws RlpException {
    int lenStart = pos + 1;
    if (lenOfLen > end - lenStart) {
      throw new RlpException(pos, "length of " + lenOfLen + " bytes runs past the end of the input");
    }
    if (input[lenStart] == 0) {
      throw new RlpException(lenStart, "length has leading zero bytes");
    }
    long len = 0;
    for (int i = 0; i < lenOfLen; i++) {
      len = (len << 8) | (input[lenStart + i] & 0xff);
    }
    int payload = lenStart + lenOfLen;
    if (Long.compareUnsigned(len, end - payload) > 0) {
      throw new RlpException(pos, (list ? "list" : "string") + " length " + Long.toUnsignedString(len)
          + " exceeds the " + (end - payload) + " byte(s) available");
    }
    if (len < 56) {
      throw new RlpException(pos, "length " + len + " below 56 must use the short form");
    }
    return new Header(list, payload, (int) len);
  }

  private void checkFits(int payload, int len) throws RlpException {
    if (len > end - payload) {
      throw new RlpException(pos, "item of " + len + " byte(s) exceeds the " + (end - payload)
          + " byte(s) available");
    }
  }
}
