package org.cvmj.chain.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05: base^exp mod m over arbitrary-length big-endian numbers (EIP-198), priced by EIP-2565:
 * max(200, ceil(max(baseLen, modLen) / 8)^2 · iterations / 3).
 */
public final class ModExp implements PrecompiledContract {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static BigInteger word(byte[] input, int off) {
    return new BigInteger(1, PrecompiledContract.slice(input, off, 32));
  }

  @Override
  public long gas(byte[] input) {
    BigInteger baseLen = word(input, 0);
    BigInteger expLen = word(input, 32);
    BigInteger modLen = word(input, 64);
    BigInteger words = baseLen.max(modLen).add(BigInteger.valueOf(7)).shiftRight(3);
    BigInteger complexity = words.multiply(words);
    BigInteger iterations;
    BigInteger head = BigInteger.ZERO;
    if (baseLen.compareTo(BigInteger.valueOf(input.length)) < 0) {
      int headLen = expLen.min(BigInteger.valueOf(32)).intValue();
      head = new BigInteger(1, PrecompiledContract.slice(input, 96 + baseLen.intValue(), headLen));
    }
    if (expLen.compareTo(BigInteger.valueOf(32)) <= 0) {
      iterations = BigInteger.valueOf(Math.max(head.bitLength() - 1, 0));
    } else {
      iterations = expLen.subtract(BigInteger.valueOf(32)).shiftLeft(3)
          .add(BigInteger.valueOf(Math.max(head.bitLength() - 1, 0)));
    }
    iterations = iterations.max(BigInteger.ONE);
    BigInteger gas = complexity.multiply(iterations).divide(BigInteger.valueOf(3)).max(BigInteger.valueOf(200));
    return gas.min(LONG_MAX).longValue();
  }

  @Override
  public byte[] run(byte[] input) {
    if (word(input, 0).signum() == 0 && word(input, 64).signum() == 0) {
      return new byte[0]; // nothing to compute, whatever the (possibly absurd) exponent length
    }
    int baseLen = word(input, 0).intValueExact();
    int expLen = word(input, 32).intValueExact();
    int modLen = word(input, 64).intValueExact();
    BigInteger base = new BigInteger(1, PrecompiledContract.slice(input, 96, baseLen));
    BigInteger exp = new BigInteger(1, PrecompiledContract.slice(input, 96 + baseLen, expLen));
    BigInteger mod = new BigInteger(1, PrecompiledContract.slice(input, 96 + baseLen + expLen, modLen));
    byte[] out = new byte[modLen];
    if (mod.signum() == 0) return out;
    byte[] r = base.modPow(exp, mod).toByteArray();
    int n = Math.min(r.length, modLen);
    System.arraycopy(r, r.length - n, out, modLen - n, n);
    return out;
  }
}
