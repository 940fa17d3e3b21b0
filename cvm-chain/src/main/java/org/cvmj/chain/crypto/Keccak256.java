package org.cvmj.chain.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak256 {
  private Keccak256() {}

  /** Hash of the empty string, c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470. */
  public static final Hash EMPTY = hash(new byte[0]);

  /** The 32-byte digest of {@code data}. */
  public static byte[] digest(byte[] data) {
    return digest(data, 0, data.length);
  }

  /** The 32-byte digest of {@code data[from, from + length)}. */
  public static byte[] digest(byte[] data, int from, int length) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, from, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** The digest of {@code data} as a {@link Hash}. */
  public static Hash hash(byte[] data) {
    return Hash.wrap(digest(data));
  }
}
