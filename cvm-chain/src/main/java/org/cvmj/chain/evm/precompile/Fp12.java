package org.cvmj.chain.evm.precompile;

import static org.cvmj.chain.evm.precompile.AltBn128.P;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of Fp12 = Fp[w]/(w¹² − 18·w⁶ + 82), held as 12 coefficients of w⁰..w¹¹. With u = w⁶ the modulus
 * reads u² − 18u + 82 = (u − 9)² + 1, so w⁶ = 9 + i embeds Fp2 as a + b·i ↦ (a − 9b) + b·w⁶.
 */
final class Fp12 {
  private static final int DEGREE = 12;
  /** w¹² = 18·w⁶ − 82. */
  private static final BigInteger W6_COEFF = BigInteger.valueOf(18);
  private static final BigInteger W0_COEFF = BigInteger.valueOf(-82);
  static final Fp12 ONE = constant(BigInteger.ONE);
  static final Fp12 ZERO = constant(BigInteger.ZERO);

  final BigInteger[] c;

  private Fp12(BigInteger[] c) {
    this.c = c;
  }

  static Fp12 constant(BigInteger v) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[0] = v.mod(P);
    return new Fp12(c);
  }

  static Fp12 monomial(int k) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[k] = BigInteger.ONE;
    return new Fp12(c);
  }

  static Fp12 fromFp2(Fp2 x) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[0] = x.a().subtract(x.b().multiply(BigInteger.valueOf(9))).mod(P);
    c[6] = x.b();
    return new Fp12(c);
  }

  Fp12 add(Fp12 o) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) r[i] = c[i].add(o.c[i]).mod(P);
    return new Fp12(r);
  }

  Fp12 sub(Fp12 o) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) r[i] = c[i].subtract(o.c[i]).mod(P);
    return new Fp12(r);
  }

  Fp12 negate() {
    return ZERO.sub(this);
  }

  Fp12 mul(Fp12 o) {
    BigInteger[] prod = new BigInteger[2 * DEGREE - 1];
    Arrays.fill(prod, BigInteger.ZERO);
    for (int i = 0; i < DEGREE; i++) {
      if (c[i].signum() == 0) continue;
      for (int j = 0; j < DEGREE; j++) {
        if (o.c[j].signum() == 0) continue;
        prod[i + j] = prod[i + j].add(c[i].multiply(o.c[j]));
      }
    }
    for (int k = 2 * DEGREE - 2; k >= DEGREE; k--) {
      BigInteger top = prod[k].mod(P);
      if (top.signum() == 0) continue;
      prod[k - 6] = prod[k - 6].add(top.multiply(W6_COEFF));
      prod[k - 12] = prod[k - 12].add(top.multiply(W0_COEFF));
    }
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) r[i] = prod[i].mod(P);
    return new Fp12(r);
  }

  /** this · k for k in Fp. */
  Fp12 scale(BigInteger k) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) r[i] = c[i].multiply(k).mod(P);
    return new Fp12(r);
  }

  /**
   * this^(p^k) by the Frobenius map: coefficients lie in Fp, so f(w)^p = Σ cᵢ·(w^p)ⁱ; the images (w^(p^k))ⁱ are
   * computed once per k.
   */
  Fp12 frobenius(int k) {
    Fp12[] images = FrobeniusImages.of(k);
    Fp12 r = ZERO;
    for (int i = 0; i < DEGREE; i++) {
      if (c[i].signum() != 0) r = r.add(images[i].scale(c[i]));
    }
    return r;
  }

  private static final class FrobeniusImages {
    private static final Fp12[][] CACHE = new Fp12[DEGREE][];

    static synchronized Fp12[] of(int k) {
      if (CACHE[k] == null) {
        Fp12 wp = monomial(1).pow(P.pow(k));
        Fp12[] images = new Fp12[DEGREE];
        images[0] = ONE;
        for (int i = 1; i < DEGREE; i++) images[i] = images[i - 1].mul(wp);
        CACHE[k] = images;
      }
      return CACHE[k];
    }
  }

  Fp12 pow(BigInteger e) {
    Fp12 result = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.mul(result);
      if (e.testBit(i)) result = result.mul(this);
    }
    return result;
  }

  /** The inverse by the extended Euclidean algorithm over Fp[w], against the modulus polynomial. */
  Fp12 inverse() {
    BigInteger[] modulus = new BigInteger[DEGREE + 1];
    Arrays.fill(modulus, BigInteger.ZERO);
    modulus[0] = BigInteger.valueOf(82);
    modulus[6] = BigInteger.valueOf(-18).mod(P);
    modulus[12] = BigInteger.ONE;
    BigInteger[] r0 = modulus;
    BigInteger[] r1 = trim(c.clone());
    BigInteger[] s0 = {BigInteger.ZERO};
    BigInteger[] s1 = {BigInteger.ONE};
    while (degree(r1) > 0) {
      BigInteger[][] qr = divmod(r0, r1);
      r0 = r1;
      r1 = qr[1];
      BigInteger[] s2 = polySub(s0, polyMul(qr[0], s1));
      s0 = s1;
      s1 = s2;
    }
    if (degree(r1) < 0) {
      throw new ArithmeticException("zero has no inverse in Fp12");
    }
    BigInteger k = r1[0].modInverse(P);
    BigInteger[] out = new BigInteger[DEGREE];
    Arrays.fill(out, BigInteger.ZERO);
    for (int i = 0; i < s1.length && i < DEGREE; i++) out[i] = s1[i].multiply(k).mod(P);
    return new Fp12(out);
  }

  boolean isOne() {
    return equals(ONE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp12 f && Arrays.equals(c, f.c);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(c);
  }

  // ---- polynomials over Fp, lowest coefficient first ----

  private static int degree(BigInteger[] p) {
    for (int i = p.length - 1; i >= 0; i--) {
      if (p[i].signum() != 0) return i;
    }
    return -1;
  }

  private static BigInteger[] trim(BigInteger[] p) {
    return Arrays.copyOf(p, Math.max(degree(p) + 1, 1));
  }

  private static BigInteger[][] divmod(BigInteger[] a, BigInteger[] b) {
    int db = degree(b);
    BigInteger lead = b[db].modInverse(P);
    BigInteger[] rem = a.clone();
    int da = degree(rem);
    BigInteger[] q = new BigInteger[Math.max(da - db + 1, 1)];
    Arrays.fill(q, BigInteger.ZERO);
    for (int k = da; k >= db; k--) {
      BigInteger coef = rem[k].multiply(lead).mod(P);
      if (coef.signum() == 0) continue;
      q[k - db] = coef;
      for (int j = 0; j <= db; j++) {
        rem[k - db + j] = rem[k - db + j].subtract(coef.multiply(b[j])).mod(P);
      }
    }
    return new BigInteger[][] {trim(q), trim(rem)};
  }

  private static BigInteger[] polyMul(BigInteger[] a, BigInteger[] b) {
    BigInteger[] r = new BigInteger[a.length + b.length - 1];
    Arrays.fill(r, BigInteger.ZERO);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) r[i + j] = r[i + j].add(a[i].multiply(b[j]));
    }
    for (int i = 0; i < r.length; i++) r[i] = r[i].mod(P);
    return trim(r);
  }

  private static BigInteger[] polySub(BigInteger[] a, BigInteger[] b) {
    BigInteger[] r = new BigInteger[Math.max(a.length, b.length)];
    for (int i = 0; i < r.length; i++) {
      BigInteger x = i < a.length ? a[i] : BigInteger.ZERO;
      BigInteger y = i < b.length ? b[i] : BigInteger.ZERO;
      r[i] = x.subtract(y).mod(P);
    }
    return trim(r);
  }
}
