package org.cvmj.chain.evm;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * KECCAK-256 for the EVM (KECCAK256 opcode, code hashes, CREATE/CREATE2 addresses). Package-private until the
 * chain's shared crypto package is merged; then this delegates there.
 */
final class EvmHash {
  /** keccak256 of the empty byte string: the code hash of an account without code. */
  static final Word EMPTY_CODE_HASH =
      Word.fromHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  private EvmHash() {}

  static byte[] keccak256(byte[] data) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  static Word keccakWord(byte[] data) {
    return Word.fromBytes(keccak256(data));
  }
}
