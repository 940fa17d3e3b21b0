package org.cvmj.chain.evm;

import java.util.Arrays;

/**
 * A frame's byte-addressed memory. It grows in 32-byte words; the interpreter charges the expansion gas
 * ({@link #expansionCost}) before it calls {@link #resize}, so reads and writes here never fail.
 *
 * <p>The backing array is larger than the EVM-visible {@link #size()}: it grows by doubling, because Solidity
 * code such as {@code keccak256(abi.encodePacked(..))} in a loop grows memory a little on every iteration, and
 * copying the whole memory each time made such loops quadratic. Bytes past the size are never written, so they
 * are still zero when the size grows over them.
 */
public final class Memory {
  private byte[] data = new byte[0];
  private int size;
  private long lastGasCost;

  public long size() {
    return size;
  }

  /** Total memory gas for a memory of {@code words} words: 3·words + words²/512. */
  public static long totalCost(long words) {
    return 3 * words + words * words / 512;
  }

  /**
   * The gas to grow memory to hold {@code newSize} bytes (0 when it is already that large). Sizes past 2^32
   * bytes cost more than any block's gas, so they return Long.MAX_VALUE and the frame runs out of gas.
   */
  public long expansionCost(long newSize) {
    if (newSize <= size) return 0;
    if (newSize > 0xffffffffL) return Long.MAX_VALUE;
    long words = (newSize + 31) / 32;
    return totalCost(words) - lastGasCost;
  }

  /** Grows to {@code newSize} rounded up to a word; call after {@link #expansionCost} was charged. */
  public void resize(long newSize) {
    if (newSize <= size) return;
    long words = (newSize + 31) / 32;
    int bytes = (int) (words * 32);
    if (bytes > data.length) {
      data = Arrays.copyOf(data, Math.max(bytes, (int) Math.min(2L * data.length, Integer.MAX_VALUE - 32)));
    }
    size = bytes;
    lastGasCost = totalCost(words);
  }

  public Word loadWord(long offset) {
    return Word.fromBytes(data, (int) offset, 32);
  }

  /** The backing array, for hashing a range in place; only [0, {@link #size()}) is memory. */
  byte[] array() {
    return data;
  }

  public void storeWord(long offset, Word w) {
    w.writeTo(data, (int) offset);
  }

  public void storeByte(long offset, byte b) {
    data[(int) offset] = b;
  }

  /** A copy of [offset, offset+size); size 0 gives an empty array without touching memory. */
  public byte[] read(long offset, long size) {
    if (size == 0) return new byte[0];
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + size));
  }

  /**
   * Writes {@code size} bytes at {@code offset} from {@code src[srcOffset..]}, zero-filling the part that lies
   * past the end of {@code src} (CALLDATACOPY, CODECOPY, EXTCODECOPY semantics).
   */
  public void writePadded(long offset, long size, byte[] src, long srcOffset) {
    if (size == 0) return;
    int dst = (int) offset;
    int n = (int) size;
    int avail = srcOffset >= src.length ? 0 : (int) Math.min(n, src.length - srcOffset);
    if (avail > 0) System.arraycopy(src, (int) srcOffset, data, dst, avail);
    Arrays.fill(data, dst + avail, dst + n, (byte) 0);
  }

  /** MCOPY: an overlapping-safe move within memory. */
  public void copyWithin(long dst, long src, long size) {
    if (size == 0) return;
    System.arraycopy(data, (int) src, data, (int) dst, (int) size);
  }
}
