package org.cvmj.chain.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03: RIPEMD-160 of the input, left-padded to 32 bytes; 600 + 120 per word. */
public final class Ripemd160Hash implements PrecompiledContract {
  @Override
  public long gas(byte[] input) {
    return PrecompiledContract.linear(600, 120, input);
  }

  @Override
  public byte[] run(byte[] input) {
    RIPEMD160Digest d = new RIPEMD160Digest();
    d.update(input, 0, input.length);
    byte[] out = new byte[32];
    d.doFinal(out, 12);
    return out;
  }
}
