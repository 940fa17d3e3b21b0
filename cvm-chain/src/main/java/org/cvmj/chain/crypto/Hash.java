package org.cvmj.chain.crypto;

import java.util.Arrays;

/** A 32-byte hash (block, transaction, trie node, storage slot). Immutable; the array is copied in and out. */
public record Hash(byte[] bytes) implements Comparable<Hash> {
  public static final int LENGTH = 32;
  public static final Hash ZERO = new Hash(new byte[LENGTH]);

  public Hash {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** Parses {@code 0x} + 64 hex digits. */
  public static Hash fromHex(String hex) {
    byte[] b = Hex.decode(hex);
    if (b.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes (64 hex digits), got " + b.length + " bytes: " + hex);
    }
    return new Hash(b);
  }

  static Hash wrap(byte[] owned) {
    return new Hash(owned);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Byte {@code i} without copying the array. */
  public byte get(int i) {
    return bytes[i];
  }

  /** {@code 0x} + 64 lower-case hex digits. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Hash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
