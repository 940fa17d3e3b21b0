package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final Word MINUS_ONE = Word.MAX;
  private static final Word INT_MIN = Word.ONE.shl(255);

  private static Word w(String hex) {
    return Word.fromHex(hex);
  }

  private static Word w(long v) {
    return Word.of(v);
  }

  @Test
  void bytesRoundTripBigEndian() {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) b[i] = (byte) (i + 1);
    Word x = Word.fromBytes(b);
    assertEquals(0x0102030405060708L, x.u3());
    assertEquals(0x191a1b1c1d1e1f20L, x.u0());
    assertArrayEquals(b, x.toBytes());
    assertEquals(w(0x0102), Word.fromBytes(new byte[] {1, 2}));
  }

  @Test
  void addAndSubWrapModulo2to256() {
    assertEquals(Word.ZERO, MINUS_ONE.add(Word.ONE));
    assertEquals(MINUS_ONE, Word.ZERO.sub(Word.ONE));
    // carry ripples through all four limbs
    assertEquals(Word.ONE.shl(192), w("ffffffffffffffffffffffffffffffffffffffffffffffff").add(Word.ONE));
    assertEquals(w("ffffffffffffffffffffffffffffffffffffffffffffffff"), Word.ONE.shl(192).sub(Word.ONE));
  }

  @Test
  void mulWraps() {
    assertEquals(Word.ONE, MINUS_ONE.mul(MINUS_ONE)); // (-1)·(-1)
    assertEquals(w("fffffffffffffffe0000000000000001"),
        w("ffffffffffffffff").mul(w("ffffffffffffffff")));
    assertEquals(Word.ZERO, Word.ONE.shl(128).mul(Word.ONE.shl(128)));
  }

  @Test
  void divisionByZeroIsZero() {
    assertEquals(Word.ZERO, w(7).div(Word.ZERO));
    assertEquals(Word.ZERO, w(7).mod(Word.ZERO));
    assertEquals(Word.ZERO, w(7).sdiv(Word.ZERO));
    assertEquals(Word.ZERO, w(7).smod(Word.ZERO));
    assertEquals(Word.ZERO, w(7).addMod(w(1), Word.ZERO));
    assertEquals(Word.ZERO, w(7).mulMod(w(1), Word.ZERO));
  }

  @Test
  void unsignedDivAndMod() {
    assertEquals(w(3), w(10).div(w(3)));
    assertEquals(w(1), w(10).mod(w(3)));
    // 2^256 - 1 = (2^128 - 1)(2^128 + 1)
    assertEquals(Word.ONE.shl(128).add(Word.ONE), MINUS_ONE.div(w("ffffffffffffffffffffffffffffffff")));
    assertEquals(Word.ZERO, MINUS_ONE.mod(w("ffffffffffffffffffffffffffffffff")));
  }

  @Test
  void signedDivision() {
    Word minus10 = w(10).negate();
    assertEquals(w(3).negate(), minus10.sdiv(w(3))); // rounds toward zero
    assertEquals(w(1).negate(), minus10.smod(w(3))); // sign of the dividend
    assertEquals(w(1), w(10).smod(w(3).negate()));
    assertEquals(w(3), minus10.sdiv(w(3).negate()));
    assertEquals(INT_MIN, INT_MIN.sdiv(MINUS_ONE)); // the one overflow: INT_MIN / -1 = INT_MIN
    assertEquals(Word.ZERO, INT_MIN.smod(MINUS_ONE));
  }

  @Test
  void addModUsesTheFull257BitSum() {
    // (2^256 - 1) + 2 = 2^256 + 1; mod 2^256 - 1 ... = 2
    assertEquals(w(2), MINUS_ONE.addMod(w(2), MINUS_ONE));
    assertEquals(w(2), MINUS_ONE.addMod(MINUS_ONE, w(7))); // 2^3 ≡ 1 (mod 7): 2^257 - 2 ≡ 4 - 2
    assertEquals(w(1), w(10).addMod(w(10), w(19)));
  }

  @Test
  void mulModUsesThe512BitProduct() {
    // (2^256-1)^2 mod (2^256-2): 2^256-1 ≡ 1, so 1
    assertEquals(Word.ONE, MINUS_ONE.mulMod(MINUS_ONE, MINUS_ONE.sub(Word.ONE)));
    // (2^256-1)^2 mod 12 : 2^256 ≡ 4 (mod 12), so 2^256-1 ≡ 3, 3^2 = 9
    assertEquals(w(9), MINUS_ONE.mulMod(MINUS_ONE, w(12)));
    assertEquals(Word.ZERO, MINUS_ONE.mulMod(MINUS_ONE, MINUS_ONE));
  }

  @Test
  void expWrapsAndHandlesZeroExponent() {
    assertEquals(Word.ONE, Word.ZERO.exp(Word.ZERO)); // 0^0 = 1
    assertEquals(w(1024), w(2).exp(w(10)));
    assertEquals(Word.ZERO, w(2).exp(w(256)));
    assertEquals(INT_MIN, w(2).exp(w(255)));
    assertEquals(MINUS_ONE, MINUS_ONE.exp(w(3))); // (-1)^3
    assertEquals(w("bc8ac6b1a7d0e3c30c2e3f22a9c1f1f6c8a2b1f31efc5e5c6f8d3cb4d5cb03e1").exp(Word.ZERO), Word.ONE);
  }

  @Test
  void byteLengthOfExponentDrivesExpGas() {
    assertEquals(0, Word.ZERO.byteLength());
    assertEquals(1, w(0xff).byteLength());
    assertEquals(2, w(0x100).byteLength());
    assertEquals(32, INT_MIN.byteLength());
  }

  @Test
  void signExtend() {
    assertEquals(MINUS_ONE, Word.signExtend(w(0), w(0xff)));
    assertEquals(w(0x7f), Word.signExtend(w(0), w(0x7f)));
    assertEquals(w(0x7f), Word.signExtend(w(0), w(0x127f))); // higher bytes cleared
    assertEquals(w(0x8000).negate(), Word.signExtend(w(1), w(0x8000)));
    assertEquals(w(0x12ff), Word.signExtend(w(31), w(0x12ff)));
    assertEquals(w(0x12ff), Word.signExtend(MINUS_ONE, w(0x12ff)));
  }

  @Test
  void comparisons() {
    assertTrue(w(1).lt(MINUS_ONE));
    assertTrue(MINUS_ONE.slt(w(1)));
    assertTrue(w(1).sgt(MINUS_ONE));
    assertTrue(INT_MIN.slt(INT_MIN.add(Word.ONE)));
    assertTrue(MINUS_ONE.gt(INT_MIN));
  }

  @Test
  void byteIndexesFromTheMostSignificantEnd() {
    Word x = w("0102030405060708091011121314151617181920212223242526272829303132");
    assertEquals(w(0x01), x.byteAt(w(0)));
    assertEquals(w(0x32), x.byteAt(w(31)));
    assertEquals(w(0x17), x.byteAt(w(16)));
    assertEquals(Word.ZERO, x.byteAt(w(32)));
    assertEquals(Word.ZERO, x.byteAt(MINUS_ONE));
  }

  @Test
  void shifts() {
    // EIP-145 test cases
    assertEquals(w(2), Word.ONE.shl(w(1)));
    assertEquals(INT_MIN, Word.ONE.shl(w(255)));
    assertEquals(Word.ZERO, Word.ONE.shl(w(256)));
    assertEquals(MINUS_ONE.sub(Word.ONE), MINUS_ONE.shl(w(1)));
    assertEquals(w(1).shl(254), INT_MIN.shr(w(1)));
    assertEquals(Word.ONE, INT_MIN.shr(w(255)));
    assertEquals(Word.ZERO, INT_MIN.shr(w(256)));
    assertEquals(w("c000000000000000000000000000000000000000000000000000000000000000"), INT_MIN.sar(w(1)));
    assertEquals(MINUS_ONE, INT_MIN.sar(w(255)));
    assertEquals(MINUS_ONE, INT_MIN.sar(w(256)));
    assertEquals(MINUS_ONE, MINUS_ONE.sar(w(1)));
    assertEquals(Word.ZERO, w("4000000000000000000000000000000000000000000000000000000000000000").sar(w(254))
        .sub(Word.ONE));
    assertEquals(Word.ZERO, w("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff").sar(w(256)));
    assertEquals(w(3).negate(), w(5).negate().sar(w(1))); // rounds toward minus infinity
  }

  @Test
  void agreesWithBigIntegerOnRandomOperands() {
    SplittableRandom rnd = new SplittableRandom(2024);
    for (int i = 0; i < 2000; i++) {
      Word a = random(rnd);
      Word b = random(rnd);
      Word m = random(rnd);
      BigInteger x = a.toBigInteger();
      BigInteger y = b.toBigInteger();
      BigInteger z = m.toBigInteger();
      assertEquals(Word.fromBigInteger(x.add(y)), a.add(b));
      assertEquals(Word.fromBigInteger(x.subtract(y)), a.sub(b));
      assertEquals(Word.fromBigInteger(x.multiply(y)), a.mul(b));
      if (y.signum() != 0) {
        assertEquals(Word.fromBigInteger(x.divide(y)), a.div(b), a + " / " + b);
        assertEquals(Word.fromBigInteger(x.mod(y)), a.mod(b));
        BigInteger sx = a.toSignedBigInteger();
        BigInteger sy = b.toSignedBigInteger();
        assertEquals(Word.fromBigInteger(sx.divide(sy)), a.sdiv(b));
        assertEquals(Word.fromBigInteger(sx.remainder(sy)), a.smod(b));
      }
      if (z.signum() != 0) {
        assertEquals(Word.fromBigInteger(x.add(y).mod(z)), a.addMod(b, m));
        assertEquals(Word.fromBigInteger(x.multiply(y).mod(z)), a.mulMod(b, m));
      }
      int e = rnd.nextInt(300);
      assertEquals(Word.fromBigInteger(x.modPow(BigInteger.valueOf(e), TWO_256)), a.exp(w(e)));
      assertEquals(Word.fromBigInteger(x.shiftLeft(e)), a.shl(w(e)));
      assertEquals(Word.fromBigInteger(x.shiftRight(e)), a.shr(w(e)));
      assertEquals(Word.fromBigInteger(a.toSignedBigInteger().shiftRight(Math.min(e, 256))), a.sar(w(e)));
      assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(a.compareTo(b)));
    }
  }

  /** Digits drawn from 0, 1, 0x7fffffff, 0x80000000, 0xffffffff and random: the corner cases of algorithm D. */
  @Test
  void divisionAgreesWithBigIntegerOnStructuredDigits() {
    SplittableRandom rnd = new SplittableRandom(7);
    int[] special = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff};
    for (int i = 0; i < 20000; i++) {
      Word a = structured(rnd, special);
      Word b = structured(rnd, special);
      Word m = structured(rnd, special);
      if (b.isZero() || m.isZero()) continue;
      BigInteger x = a.toBigInteger();
      BigInteger y = b.toBigInteger();
      BigInteger z = m.toBigInteger();
      assertEquals(Word.fromBigInteger(x.divide(y)), a.div(b), a + " / " + b);
      assertEquals(Word.fromBigInteger(x.mod(y)), a.mod(b), a + " % " + b);
      assertEquals(Word.fromBigInteger(x.multiply(y).mod(z)), a.mulMod(b, m), a + " * " + b + " % " + m);
      assertEquals(Word.fromBigInteger(x.add(y).mod(z)), a.addMod(b, m));
    }
  }

  @Test
  void unsignedLongDivisionAgreesWithTheJdk() {
    SplittableRandom rnd = new SplittableRandom(5);
    long[] special = {0, 1, 2, 3, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, -2, 0xffffffffL};
    for (int i = 0; i < 100000; i++) {
      long n = rnd.nextBoolean() ? rnd.nextLong() : special[rnd.nextInt(special.length)];
      long d = rnd.nextBoolean() ? rnd.nextLong() >>> rnd.nextInt(64) : special[rnd.nextInt(special.length)];
      if (d == 0) continue;
      assertEquals(Long.divideUnsigned(n, d), WideDivision.divideUnsigned(n, d), n + " / " + d);
      assertEquals(Long.remainderUnsigned(n, d), WideDivision.remainderUnsigned(n, d), n + " % " + d);
    }
  }

  @Test
  void twoByOneDivisionAgreesWithBigInteger() {
    SplittableRandom rnd = new SplittableRandom(13);
    long[] special = {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 0xffffffffL};
    for (int i = 0; i < 100000; i++) {
      long d = (rnd.nextBoolean() ? rnd.nextLong() : special[rnd.nextInt(special.length)]) | Long.MIN_VALUE;
      long lo = rnd.nextBoolean() ? rnd.nextLong() : special[rnd.nextInt(special.length)];
      long hi = Long.remainderUnsigned(rnd.nextBoolean() ? rnd.nextLong() : special[rnd.nextInt(special.length)], d);
      BigInteger u = unsigned(hi).shiftLeft(64).or(unsigned(lo));
      long expected = u.divide(unsigned(d)).longValue();
      assertEquals(expected, WideDivision.divide128(hi, lo, d));
      assertEquals(expected, WideDivision.divide2by1(hi, lo, d, WideDivision.reciprocal(d)));
    }
  }

  private static BigInteger unsigned(long x) {
    return new BigInteger(Long.toUnsignedString(x));
  }

  /** The same for the base-2^64 remainders, with limbs at the corners of 64-bit digits. */
  @Test
  void remaindersAgreeWithBigIntegerOnStructuredLimbs() {
    SplittableRandom rnd = new SplittableRandom(11);
    long[] special = {0, 1, 2, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 0xffffffffL, 0x100000000L};
    for (int i = 0; i < 50000; i++) {
      Word a = structured(rnd, special);
      Word b = structured(rnd, special);
      Word m = structured(rnd, special);
      if (m.isZero()) continue;
      BigInteger x = a.toBigInteger();
      BigInteger y = b.toBigInteger();
      BigInteger z = m.toBigInteger();
      assertEquals(Word.fromBigInteger(x.mod(z)), a.mod(m), a + " % " + m);
      assertEquals(Word.fromBigInteger(x.multiply(y).mod(z)), a.mulMod(b, m), a + " * " + b + " % " + m);
      assertEquals(Word.fromBigInteger(x.add(y).mod(z)), a.addMod(b, m), a + " + " + b + " % " + m);
    }
  }

  private static Word structured(SplittableRandom rnd, long[] special) {
    long[] l = new long[4];
    int top = rnd.nextInt(4);
    for (int i = 0; i <= top; i++) {
      l[i] = rnd.nextInt(3) == 0 ? rnd.nextLong() : special[rnd.nextInt(special.length)];
    }
    return new Word(l[3], l[2], l[1], l[0]);
  }

  private static Word structured(SplittableRandom rnd, int[] special) {
    int[] d = new int[8];
    int top = rnd.nextInt(8);
    for (int i = 0; i <= top; i++) {
      d[i] = rnd.nextInt(3) == 0 ? rnd.nextInt() : special[rnd.nextInt(special.length)];
    }
    return Word.fromDigits(d);
  }

  /** Operands of mixed widths, so both the 64-bit fast paths and the wide paths run. */
  private static Word random(SplittableRandom rnd) {
    Word x = new Word(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong());
    return x.shr(rnd.nextInt(256));
  }
}
