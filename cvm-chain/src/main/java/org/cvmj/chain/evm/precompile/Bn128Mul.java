package org.cvmj.chain.evm.precompile;

import java.math.BigInteger;

/** 0x07: alt_bn128 scalar multiplication (EIP-196), 6000 gas (EIP-1108). Invalid points fail the call. */
public final class Bn128Mul implements PrecompiledContract {
  @Override
  public long gas(byte[] input) {
    return 6000;
  }

  @Override
  public byte[] run(byte[] input) {
    AltBn128.G1 p = AltBn128.decode(input, 0);
    if (p == null) return null;
    BigInteger k = new BigInteger(1, PrecompiledContract.slice(input, 64, 32));
    return AltBn128.mul(p, k).encode();
  }
}
