package org.cvmj.chain.evm.precompile;

import static org.cvmj.chain.evm.precompile.AltBn128.P;

import java.math.BigInteger;

/** An element a + b·i of Fp2 = Fp[i]/(i² + 1), the field of alt_bn128's G2 coordinates. */
record Fp2(BigInteger a, BigInteger b) {
  static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
  static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

  Fp2 add(Fp2 o) {
    return new Fp2(a.add(o.a).mod(P), b.add(o.b).mod(P));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(a.subtract(o.a).mod(P), b.subtract(o.b).mod(P));
  }

  Fp2 mul(Fp2 o) {
    return new Fp2(a.multiply(o.a).subtract(b.multiply(o.b)).mod(P), a.multiply(o.b).add(b.multiply(o.a)).mod(P));
  }

  Fp2 scale(long k) {
    BigInteger kk = BigInteger.valueOf(k);
    return new Fp2(a.multiply(kk).mod(P), b.multiply(kk).mod(P));
  }

  /** 1/(a + bi) = (a - bi)/(a² + b²). */
  Fp2 inverse() {
    BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(P).modInverse(P);
    return new Fp2(a.multiply(norm).mod(P), b.negate().multiply(norm).mod(P));
  }

  boolean isZero() {
    return a.signum() == 0 && b.signum() == 0;
  }
}
