package org.cvmj.chain.evm.precompile;

/** 0x06: alt_bn128 point addition (EIP-196), 150 gas (EIP-1108). Invalid points fail the call. */
public final class Bn128Add implements PrecompiledContract {
  @Override
  public long gas(byte[] input) {
    return 150;
  }

  @Override
  public byte[] run(byte[] input) {
    AltBn128.G1 a = AltBn128.decode(input, 0);
    AltBn128.G1 b = AltBn128.decode(input, 64);
    if (a == null || b == null) return null;
    return AltBn128.add(a, b).encode();
  }
}
