package org.cvmj.chain.block;

import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;

/**
 * The 2048-bit logs bloom filter of receipts and headers (Yellow Paper, section 4.3.1): each log's address and
 * each of its topics set three bits, chosen by the low 11 bits of the first three big-endian byte pairs of the
 * item's Keccak-256. Bit {@code i} is bit {@code i % 8} of byte {@code 255 - i / 8}. Immutable.
 */
public record LogsBloom(byte[] bytes) {
  public static final int BYTES = 256;
  public static final LogsBloom EMPTY = new LogsBloom(new byte[BYTES]);

  public LogsBloom {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a logs bloom is 256 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** The bloom of a list of logs (a receipt's). */
  public static LogsBloom of(List<Log> logs) {
    byte[] b = new byte[BYTES];
    for (Log log : logs) {
      set(b, log.address().bytes());
      for (Word topic : log.topics()) {
        set(b, topic.toBytes());
      }
    }
    return new LogsBloom(b);
  }

  /** The union of several blooms (a header's is the union of its receipts'). */
  public static LogsBloom union(List<LogsBloom> blooms) {
    byte[] b = new byte[BYTES];
    for (LogsBloom x : blooms) {
      for (int i = 0; i < BYTES; i++) {
        b[i] |= x.bytes[i];
      }
    }
    return new LogsBloom(b);
  }

  /** Whether {@code item} (an address's or a topic's bytes) may have been added; false means certainly not. */
  public boolean mayContain(byte[] item) {
    byte[] probe = new byte[BYTES];
    set(probe, item);
    for (int i = 0; i < BYTES; i++) {
      if ((bytes[i] & probe[i]) != probe[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether logs of this address may be present. */
  public boolean mayContain(Address address) {
    return mayContain(address.bytes());
  }

  /** The three bit indices (0..2047) that {@code item} sets. */
  public static int[] bitIndices(byte[] item) {
    byte[] h = Keccak256.digest(item);
    int[] out = new int[3];
    for (int k = 0; k < 3; k++) {
      out[k] = (((h[2 * k] & 0xff) << 8) | (h[2 * k + 1] & 0xff)) & 0x7ff;
    }
    return out;
  }

  private static void set(byte[] bloom, byte[] item) {
    for (int i : bitIndices(item)) {
      bloom[BYTES - 1 - i / 8] |= (byte) (1 << (i % 8));
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public boolean isEmpty() {
    return Arrays.equals(bytes, EMPTY.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogsBloom l && Arrays.equals(bytes, l.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
