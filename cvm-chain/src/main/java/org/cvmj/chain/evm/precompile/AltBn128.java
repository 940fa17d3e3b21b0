package org.cvmj.chain.evm.precompile;

import java.math.BigInteger;

/**
 * The alt_bn128 curve y² = x³ + 3 over the prime field p (EIP-196): points of G1 in affine coordinates, with
 * (0, 0) standing for the point at infinity as the precompiles encode it.
 */
final class AltBn128 {
  static final BigInteger P =
      new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);
  static final BigInteger N =
      new BigInteger("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private AltBn128() {}

  /** An affine point; INFINITY is (0, 0). */
  record G1(BigInteger x, BigInteger y) {
    static final G1 INFINITY = new G1(BigInteger.ZERO, BigInteger.ZERO);

    boolean isInfinity() {
      return x.signum() == 0 && y.signum() == 0;
    }

    byte[] encode() {
      byte[] out = new byte[64];
      put(x, out, 0);
      put(y, out, 32);
      return out;
    }
  }

  static void put(BigInteger v, byte[] out, int off) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }

  /** Reads a point from 64 bytes; null when a coordinate is not below p or the point is not on the curve. */
  static G1 decode(byte[] in, int off) {
    BigInteger x = new BigInteger(1, PrecompiledContract.slice(in, off, 32));
    BigInteger y = new BigInteger(1, PrecompiledContract.slice(in, off + 32, 32));
    if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) return null;
    G1 p = new G1(x, y);
    return p.isInfinity() || onCurve(p) ? p : null;
  }

  static boolean onCurve(G1 p) {
    BigInteger lhs = p.y().multiply(p.y()).mod(P);
    BigInteger rhs = p.x().pow(3).add(THREE).mod(P);
    return lhs.equals(rhs);
  }

  static G1 add(G1 a, G1 b) {
    if (a.isInfinity()) return b;
    if (b.isInfinity()) return a;
    BigInteger lambda;
    if (a.x().equals(b.x())) {
      if (!a.y().equals(b.y()) || a.y().signum() == 0) return G1.INFINITY;
      // doubling: λ = 3x² / 2y
      lambda = THREE.multiply(a.x()).multiply(a.x()).multiply(a.y().shiftLeft(1).modInverse(P)).mod(P);
    } else {
      lambda = b.y().subtract(a.y()).multiply(b.x().subtract(a.x()).modInverse(P)).mod(P);
    }
    BigInteger x = lambda.multiply(lambda).subtract(a.x()).subtract(b.x()).mod(P);
    BigInteger y = lambda.multiply(a.x().subtract(x)).subtract(a.y()).mod(P);
    return new G1(x, y);
  }

  /** k·p by double-and-add over the bits of k (any 256-bit scalar). */
  static G1 mul(G1 p, BigInteger k) {
    G1 result = G1.INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (k.testBit(i)) result = add(result, p);
    }
    return result;
  }
}
