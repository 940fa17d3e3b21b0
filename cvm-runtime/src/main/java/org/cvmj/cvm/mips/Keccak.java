package org.cvmj.cvm.mips;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum uses it (the original padding, not SHA3-256), so that the state hash and the memory
 * root are the values a Solidity verifier computes with {@code keccak256}. One instance per thread of use.
 */
final class Keccak {
  private final KeccakDigest digest = new KeccakDigest(256);

  byte[] hash(byte[] data) {
    byte[] out = new byte[32];
    digest.update(data, 0, data.length);
    digest.doFinal(out, 0);
    return out;
  }

  /** keccak256(left ‖ right) of two 32-byte nodes. */
  byte[] hashPair(byte[] left, byte[] right) {
    byte[] out = new byte[32];
    digest.update(left, 0, 32);
    digest.update(right, 0, 32);
    digest.doFinal(out, 0);
    return out;
  }
}
