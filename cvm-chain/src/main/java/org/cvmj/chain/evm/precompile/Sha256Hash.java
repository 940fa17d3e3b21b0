package org.cvmj.chain.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02: SHA-256 of the input; 60 + 12 per word. */
public final class Sha256Hash implements PrecompiledContract {
  @Override
  public long gas(byte[] input) {
    return PrecompiledContract.linear(60, 12, input);
  }

  @Override
  public byte[] run(byte[] input) {
    SHA256Digest d = new SHA256Digest();
    d.update(input, 0, input.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
