package org.cvmj.chain.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A 20-byte account address. Immutable; the array is copied in and out. */
public record Address(byte[] bytes) implements Comparable<Address> {
  public static final int LENGTH = 20;
  public static final Address ZERO = new Address(new byte[LENGTH]);

  public Address {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /**
   * Parses {@code 0x} + 40 hex digits. Mixed-case input must carry a correct EIP-55 checksum; all-lower or
   * all-upper input is accepted as is.
   */
  public static Address fromHex(String hex) {
    byte[] b = Hex.decode(hex);
    if (b.length != LENGTH) {
      throw new IllegalArgumentException("an address is 20 bytes (40 hex digits), got " + b.length + " bytes: "
          + hex);
    }
    Address a = new Address(b);
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    boolean mixed = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
    if (mixed && !a.toChecksumHex().substring(2).equals(digits)) {
      throw new IllegalArgumentException("address " + hex + " has a wrong EIP-55 checksum (expected "
          + a.toChecksumHex() + "); check for a typo, or write it all in lower case to skip the check");
    }
    return a;
  }

  /** The address whose low 8 bytes are {@code v}, big-endian (precompiles such as 0x01, tests). */
  public static Address ofLong(long v) {
    byte[] b = new byte[LENGTH];
    for (int i = 0; i < 8; i++) {
      b[LENGTH - 1 - i] = (byte) (v >>> (8 * i));
    }
    return new Address(b);
  }

  /** The address of a 64-byte uncompressed public key (X || Y): the last 20 bytes of its Keccak-256. */
  public static Address fromPublicKey(byte[] publicKey64) {
    if (publicKey64.length != 64) {
      throw new IllegalArgumentException("expected a 64-byte public key (X || Y), got " + publicKey64.length);
    }
    return new Address(Arrays.copyOfRange(Keccak256.digest(publicKey64), 12, 32));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code 0x} + 40 lower-case hex digits. */
  public String toHex() {
    return Hex.encode(bytes);
  }

  /** {@code 0x} + 40 hex digits with the EIP-55 mixed-case checksum. */
  public String toChecksumHex() {
    String lower = Hex.encodeBare(bytes);
    byte[] h = Keccak256.digest(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toChecksumHex();
  }
}
