package org.cvmj.chain.evm.precompile;

/** 0x04: returns its input; 15 + 3 per word. */
public final class Identity implements PrecompiledContract {
  @Override
  public long gas(byte[] input) {
    return PrecompiledContract.linear(15, 3, input);
  }

  @Override
  public byte[] run(byte[] input) {
    return input.clone();
  }
}
