package org.cvmj.chain.evm.precompile;

import static org.cvmj.chain.evm.precompile.AltBn128.N;
import static org.cvmj.chain.evm.precompile.AltBn128.P;

import java.math.BigInteger;

/**
 * 0x08: the alt_bn128 pairing check (EIP-197): given k pairs (G1 point, G2 point), returns 1 when the product
 * of their optimal ate pairings is 1 in Fp12, else 0. 45000 + 34000·k gas (EIP-1108). The input length must be
 * a multiple of 192; each G1 point must be on the curve and each G2 point on the twist and in the order-n
 * subgroup, else the call fails.
 *
 * <p>G2 points are encoded as (x.imaginary, x.real, y.imaginary, y.real). The computation maps G2 from the
 * twist y² = x³ + 3/(9+i) over Fp2 onto the curve over Fp12 by (x, y) ↦ (x·w², y·w³) and runs an affine Miller
 * loop over 6u+2 (its points on the twist, its lines in Fp12), then the final exponentiation by (p¹² − 1)/n.
 */
public final class Bn128Pairing implements PrecompiledContract {
  /** 6u + 2 for the BN parameter u = 4965661367192848881. */
  static final BigInteger ATE_LOOP_COUNT = new BigInteger("29793968203157093288");
  /** The hard part of the final exponent, (p⁴ − p² + 1)/n; the easy part (p⁶ − 1)(p² + 1) uses Frobenius maps. */
  private static final BigInteger HARD_EXPONENT = P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE).divide(N);
  private static final BigInteger[] HARD_DIGITS = baseP(HARD_EXPONENT);
  /** The twist's constant b' = 3/(9 + i). */
  static final Fp2 TWIST_B = new Fp2(BigInteger.valueOf(3), BigInteger.ZERO)
      .mul(new Fp2(BigInteger.valueOf(9), BigInteger.ONE).inverse());

  /** A point over Fp2 (G2, affine); null is the point at infinity. */
  record G2(Fp2 x, Fp2 y) {}

  /** A point over Fp12 (affine); null is the point at infinity. */
  private record P12(Fp12 x, Fp12 y) {}

  @Override
  public long gas(byte[] input) {
    return 45000 + 34000L * (input.length / 192);
  }

  @Override
  public byte[] run(byte[] input) {
    if (input.length % 192 != 0) return null;
    Fp12 f = Fp12.ONE;
    for (int off = 0; off < input.length; off += 192) {
      AltBn128.G1 p = AltBn128.decode(input, off);
      if (p == null) return null;
      BigInteger[] q = new BigInteger[4];
      for (int i = 0; i < 4; i++) {
        q[i] = new BigInteger(1, PrecompiledContract.slice(input, off + 64 + 32 * i, 32));
        if (q[i].compareTo(P) >= 0) return null;
      }
      Fp2 qx = new Fp2(q[1], q[0]);
      Fp2 qy = new Fp2(q[3], q[2]);
      G2 g2 = qx.isZero() && qy.isZero() ? null : new G2(qx, qy);
      if (g2 != null && (!onTwist(g2) || mulG2(g2, N) != null)) return null;
      if (g2 == null || p.isInfinity()) continue;
      f = f.mul(millerLoop(g2, p));
    }
    byte[] out = new byte[32];
    if (finalExponentiation(f).isOne()) out[31] = 1;
    return out;
  }

  /**
   * f^((p¹² − 1)/n) = ((f^(p⁶) / f)^(p²) · (f^(p⁶) / f))^((p⁴ − p² + 1)/n). The hard part writes its exponent in
   * base p, e = Σ eₖ·pᵏ (k &lt; 4), so that h^e = Π (h^(pᵏ))^eₖ: four exponents of 254 bits, raised together
   * with one shared chain of squarings (Straus), where h^e directly would square 762 times.
   */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 g = f.frobenius(6).mul(f.inverse());
    Fp12 h = g.frobenius(2).mul(g);
    Fp12[] bases = {h, h.frobenius(1), h.frobenius(2), h.frobenius(3)};
    Fp12[] products = new Fp12[1 << bases.length]; // products[mask]: the product of the bases whose bit is set
    products[0] = Fp12.ONE;
    for (int mask = 1; mask < products.length; mask++) {
      int low = Integer.numberOfTrailingZeros(mask);
      products[mask] = products[mask & (mask - 1)].mul(bases[low]);
    }
    Fp12 r = Fp12.ONE;
    int bits = 0;
    for (BigInteger d : HARD_DIGITS) bits = Math.max(bits, d.bitLength());
    for (int i = bits - 1; i >= 0; i--) {
      r = r.mul(r);
      int mask = 0;
      for (int k = 0; k < HARD_DIGITS.length; k++) {
        if (HARD_DIGITS[k].testBit(i)) mask |= 1 << k;
      }
      if (mask != 0) r = r.mul(products[mask]);
    }
    return r;
  }

  /** The hard part's exponent (p⁴ − p² + 1)/n in base p, lowest digit first. */
  private static BigInteger[] baseP(BigInteger e) {
    BigInteger[] digits = new BigInteger[4];
    for (int k = 0; k < digits.length; k++) {
      BigInteger[] qr = e.divideAndRemainder(P);
      digits[k] = qr[1];
      e = qr[0];
    }
    if (e.signum() != 0) throw new IllegalStateException("the hard exponent has more than four base-p digits");
    return digits;
  }

  static boolean onTwist(G2 q) {
    Fp2 lhs = q.y().mul(q.y());
    Fp2 rhs = q.x().mul(q.x()).mul(q.x()).add(TWIST_B);
    return lhs.equals(rhs);
  }

  static G2 addG2(G2 a, G2 b) {
    if (a == null) return b;
    if (b == null) return a;
    Fp2 m;
    if (a.x().equals(b.x())) {
      if (!a.y().equals(b.y()) || a.y().isZero()) return null;
      m = a.x().mul(a.x()).scale(3).mul(a.y().scale(2).inverse());
    } else {
      m = b.y().sub(a.y()).mul(b.x().sub(a.x()).inverse());
    }
    Fp2 x = m.mul(m).sub(a.x()).sub(b.x());
    return new G2(x, m.mul(a.x().sub(x)).sub(a.y()));
  }

  static G2 mulG2(G2 p, BigInteger k) {
    G2 r = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      r = addG2(r, r);
      if (k.testBit(i)) r = addG2(r, p);
    }
    return r;
  }

  private static P12 twist(G2 q) {
    return new P12(Fp12.fromFp2(q.x()).mul(Fp12.monomial(2)), Fp12.fromFp2(q.y()).mul(Fp12.monomial(3)));
  }

  /** A Miller loop step on the twist: the line through r and q evaluated at P, and r + q. */
  private record Step(Fp12 line, G2 sum) {}

  /**
   * The Miller loop over 6u+2. Its points stay on the twist over Fp2, where a slope costs one Fp2 inversion; only
   * the line through them is evaluated in Fp12, as a sparse element. The last two lines (through π(Q) and −π²(Q))
   * use the Frobenius map on the curve over Fp12.
   */
  private static Fp12 millerLoop(G2 q, AltBn128.G1 p) {
    G2 r = q;
    Fp12 f = Fp12.ONE;
    for (int i = ATE_LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
      Step d = step(r, r, p);
      f = f.mul(f).mul(d.line());
      r = d.sum();
      if (ATE_LOOP_COUNT.testBit(i)) {
        Step a = step(r, q, p);
        f = f.mul(a.line());
        r = a.sum();
      }
    }
    P12 p12 = new P12(Fp12.constant(p.x()), Fp12.constant(p.y()));
    P12 q12 = twist(q);
    P12 r12 = twist(r);
    P12 q1 = new P12(q12.x().frobenius(1), q12.y().frobenius(1));
    P12 nq2 = new P12(q1.x().frobenius(1), q1.y().frobenius(1).negate());
    f = f.mul(line(r12, q1, p12));
    r12 = add(r12, q1);
    return f.mul(line(r12, nq2, p12));
  }

  /**
   * The line through the twisted images of a and b (the tangent when they are equal) at P = (xP, yP), and a + b.
   * A slope m on the twist is m·w on the curve over Fp12, since the images are (x·w², y·w³); so the line
   * m·w·(xP − xA·w²) − (yP − yA·w³) is −yP + (m·xP)·w + (yA − m·xA)·w³, and a vertical line is xP − xA·w².
   */
  private static Step step(G2 a, G2 b, AltBn128.G1 p) {
    Fp2 m;
    if (!a.x().equals(b.x())) {
      m = b.y().sub(a.y()).mul(b.x().sub(a.x()).inverse());
    } else if (a.y().equals(b.y()) && !a.y().isZero()) {
      m = a.x().mul(a.x()).scale(3).mul(a.y().scale(2).inverse());
    } else {
      return new Step(Fp12.constant(p.x()).sub(Fp12.fromFp2(a.x()).mul(Fp12.monomial(2))), null);
    }
    Fp2 x = m.mul(m).sub(a.x()).sub(b.x());
    G2 sum = new G2(x, m.mul(a.x().sub(x)).sub(a.y()));
    Fp12 line = Fp12.constant(p.y().negate())
        .add(Fp12.fromFp2(m.mul(new Fp2(p.x(), BigInteger.ZERO))).mul(Fp12.monomial(1)))
        .add(Fp12.fromFp2(a.y().sub(m.mul(a.x()))).mul(Fp12.monomial(3)));
    return new Step(line, sum);
  }

  /** The line through a and b (the tangent when they are equal), evaluated at t. */
  private static Fp12 line(P12 a, P12 b, P12 t) {
    if (!a.x().equals(b.x())) {
      Fp12 m = b.y().sub(a.y()).mul(b.x().sub(a.x()).inverse());
      return m.mul(t.x().sub(a.x())).sub(t.y().sub(a.y()));
    }
    if (a.y().equals(b.y())) {
      Fp12 m = a.x().mul(a.x()).mul(Fp12.constant(BigInteger.valueOf(3)))
          .mul(a.y().mul(Fp12.constant(BigInteger.TWO)).inverse());
      return m.mul(t.x().sub(a.x())).sub(t.y().sub(a.y()));
    }
    return t.x().sub(a.x());
  }

  private static P12 add(P12 a, P12 b) {
    if (a == null) return b;
    if (b == null) return a;
    Fp12 m;
    if (a.x().equals(b.x())) {
      if (!a.y().equals(b.y())) return null;
      m = a.x().mul(a.x()).mul(Fp12.constant(BigInteger.valueOf(3)))
          .mul(a.y().mul(Fp12.constant(BigInteger.TWO)).inverse());
    } else {
      m = b.y().sub(a.y()).mul(b.x().sub(a.x()).inverse());
    }
    Fp12 x = m.mul(m).sub(a.x()).sub(b.x());
    return new P12(x, m.mul(a.x().sub(x)).sub(a.y()));
  }
}
