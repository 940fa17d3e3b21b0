package org.cvmj.chain.evm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import org.cvmj.chain.crypto.Address;

/**
 * An EVM word: an unsigned 256-bit integer held in four longs, {@code u3} most significant. Signed operations
 * read the same bits as two's complement. Every operation wraps modulo 2^256, as the EVM does.
 */
public record Word(long u3, long u2, long u1, long u0) implements Comparable<Word> {
  public static final Word ZERO = new Word(0, 0, 0, 0);
  public static final Word ONE = new Word(0, 0, 0, 1);
  public static final Word MAX = new Word(-1, -1, -1, -1);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  /** Reads and writes a big-endian long in a byte array in one access (MLOAD, MSTORE, hashes, PUSH32). */
  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  public static Word of(long unsigned) {
    return new Word(0, 0, 0, unsigned);
  }

  /** Big-endian bytes, at most 32 of them; fewer are left-padded with zeros. */
  public static Word fromBytes(byte[] b) {
    return fromBytes(b, 0, b.length);
  }

  public static Word fromBytes(byte[] b, int off, int len) {
    if (len > 32) {
      throw new IllegalArgumentException("a word holds at most 32 bytes, got " + len);
    }
    if (len == 32) {
      return new Word((long) BIG_ENDIAN_LONG.get(b, off), (long) BIG_ENDIAN_LONG.get(b, off + 8),
          (long) BIG_ENDIAN_LONG.get(b, off + 16), (long) BIG_ENDIAN_LONG.get(b, off + 24));
    }
    long[] l = new long[4];
    for (int i = 0; i < len; i++) {
      int bitPos = (len - 1 - i) * 8;
      l[bitPos >>> 6] |= (b[off + i] & 0xffL) << (bitPos & 63);
    }
    return new Word(l[3], l[2], l[1], l[0]);
  }

  /** An address as the EVM pushes it: zero-extended to 256 bits. */
  public static Word fromAddress(Address a) {
    return fromBytes(a.bytes());
  }

  /** The low 160 bits, as CALL, BALANCE and friends read their address operand. */
  public Address toAddress() {
    byte[] b = new byte[Address.LENGTH];
    putLong(b, 12, u0);
    putLong(b, 4, u1);
    for (int i = 3; i >= 0; i--) {
      b[i] = (byte) (u2 >>> (8 * (3 - i)));
    }
    return new Address(b);
  }

  public static Word fromBigInteger(BigInteger v) {
    BigInteger m = v.mod(TWO_256);
    return new Word(m.shiftRight(192).longValue(), m.shiftRight(128).longValue(), m.shiftRight(64).longValue(),
        m.longValue());
  }

  /** Parses hex with or without {@code 0x}, up to 64 digits. */
  public static Word fromHex(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.isEmpty()) {
      return ZERO;
    }
    if (h.length() > 64) {
      throw new IllegalArgumentException("a word has at most 64 hex digits: " + hex);
    }
    return fromBigInteger(new BigInteger(h, 16));
  }

  public byte[] toBytes() {
    byte[] out = new byte[32];
    writeTo(out, 0);
    return out;
  }

  public void writeTo(byte[] out, int off) {
    BIG_ENDIAN_LONG.set(out, off, u3);
    BIG_ENDIAN_LONG.set(out, off + 8, u2);
    BIG_ENDIAN_LONG.set(out, off + 16, u1);
    BIG_ENDIAN_LONG.set(out, off + 24, u0);
  }

  private static void putLong(byte[] out, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      out[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytes());
  }

  public BigInteger toSignedBigInteger() {
    return new BigInteger(toBytes());
  }

  public String toHex() {
    return String.format("0x%016x%016x%016x%016x", u3, u2, u1, u0);
  }

  @Override
  public String toString() {
    return toHex();
  }

  public boolean isZero() {
    return (u3 | u2 | u1 | u0) == 0;
  }

  public boolean isNegative() {
    return u3 < 0;
  }

  /** True when the value fits in 63 bits, so {@link #longValue()} is exact and non-negative. */
  public boolean fitsLong() {
    return u3 == 0 && u2 == 0 && u1 == 0 && u0 >= 0;
  }

  /** True when the value fits in an unsigned 64-bit long. */
  public boolean fitsUnsignedLong() {
    return u3 == 0 && u2 == 0 && u1 == 0;
  }

  public long longValue() {
    return u0;
  }

  /** The value as a long, or {@code Long.MAX_VALUE} when it does not fit 63 bits (sizes, offsets, gas). */
  public long clampedLong() {
    return fitsLong() ? u0 : Long.MAX_VALUE;
  }

  public int bitLength() {
    if (u3 != 0) return 256 - Long.numberOfLeadingZeros(u3);
    if (u2 != 0) return 192 - Long.numberOfLeadingZeros(u2);
    if (u1 != 0) return 128 - Long.numberOfLeadingZeros(u1);
    return 64 - Long.numberOfLeadingZeros(u0);
  }

  public int byteLength() {
    return (bitLength() + 7) / 8;
  }

  long limb(int i) {
    return switch (i) {
      case 0 -> u0;
      case 1 -> u1;
      case 2 -> u2;
      case 3 -> u3;
      default -> 0;
    };
  }

  private static Word ofLimbs(long[] l) {
    return new Word(l[3], l[2], l[1], l[0]);
  }

  private long[] limbs() {
    return new long[] {u0, u1, u2, u3};
  }

  // ---- arithmetic ----

  public Word add(Word o) {
    long r0 = u0 + o.u0;
    long c = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
    long t1 = u1 + o.u1;
    long c1 = Long.compareUnsigned(t1, u1) < 0 ? 1 : 0;
    long r1 = t1 + c;
    c1 |= Long.compareUnsigned(r1, t1) < 0 ? 1 : 0;
    long t2 = u2 + o.u2;
    long c2 = Long.compareUnsigned(t2, u2) < 0 ? 1 : 0;
    long r2 = t2 + c1;
    c2 |= Long.compareUnsigned(r2, t2) < 0 ? 1 : 0;
    long r3 = u3 + o.u3 + c2;
    return new Word(r3, r2, r1, r0);
  }

  public Word negate() {
    return not().add(ONE);
  }

  public Word sub(Word o) {
    return add(o.negate());
  }

  public Word mul(Word o) {
    long[] a = limbs();
    long[] b = o.limbs();
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      if (a[i] == 0) continue;
      for (int j = 0; i + j < 4; j++) {
        long lo = a[i] * b[j];
        long hi = unsignedMultiplyHigh(a[i], b[j]);
        long s = r[i + j] + lo;
        if (Long.compareUnsigned(s, lo) < 0) hi++;
        long s2 = s + carry;
        if (Long.compareUnsigned(s2, s) < 0) hi++;
        r[i + j] = s2;
        carry = hi;
      }
    }
    return ofLimbs(r);
  }

  static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  /** Unsigned division; division by zero gives zero. */
  public Word div(Word d) {
    if (d.isZero()) return ZERO;
    if (fitsUnsignedLong() && d.fitsUnsignedLong()) return of(WideDivision.divideUnsigned(u0, d.u0));
    if (compareTo(d) < 0) return ZERO;
    return fromDigits(WideDivision.quotient(digits(), d.digits()));
  }

  /** Unsigned remainder; modulo zero gives zero. */
  public Word mod(Word d) {
    if (d.isZero()) return ZERO;
    if (fitsUnsignedLong() && d.fitsUnsignedLong()) return of(WideDivision.remainderUnsigned(u0, d.u0));
    if (compareTo(d) < 0) return this;
    return WideDivision.remainder(limbs(), 4, d);
  }

  /** The eight 32-bit digits of the word, least significant first. */
  int[] digits() {
    return new int[] {(int) u0, (int) (u0 >>> 32), (int) u1, (int) (u1 >>> 32), (int) u2, (int) (u2 >>> 32),
        (int) u3, (int) (u3 >>> 32)};
  }

  /** The word made of the eight lowest digits of d. */
  static Word fromDigits(int[] d) {
    return new Word(join(d, 6), join(d, 4), join(d, 2), join(d, 0));
  }

  private static long join(int[] d, int i) {
    return (d[i] & 0xffffffffL) | ((long) d[i + 1] << 32);
  }

  /** Signed division, rounding toward zero; x/0 = 0 and INT_MIN/-1 = INT_MIN. */
  public Word sdiv(Word d) {
    if (d.isZero()) return ZERO;
    boolean na = isNegative();
    boolean nd = d.isNegative();
    Word q = (na ? negate() : this).div(nd ? d.negate() : d);
    return na != nd ? q.negate() : q;
  }

  /** Signed remainder taking the sign of the dividend; x%0 = 0. */
  public Word smod(Word d) {
    if (d.isZero()) return ZERO;
    boolean na = isNegative();
    Word r = (na ? negate() : this).mod(d.isNegative() ? d.negate() : d);
    return na ? r.negate() : r;
  }

  /** (this + b) mod m over the exact 257-bit sum; m = 0 gives 0. */
  public Word addMod(Word b, Word m) {
    if (m.isZero()) return ZERO;
    Word s = add(b);
    boolean carry = s.compareTo(this) < 0;
    if (!carry) return s.mod(m);
    return WideDivision.remainder(new long[] {s.u0, s.u1, s.u2, s.u3, 1}, 5, m);
  }

  /** (this * b) mod m over the exact 512-bit product; m = 0 gives 0. */
  public Word mulMod(Word b, Word m) {
    if (m.isZero()) return ZERO;
    long[] a = limbs();
    long[] c = b.limbs();
    long[] r = new long[8];
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      for (int j = 0; j < 4; j++) {
        long lo = a[i] * c[j];
        long hi = unsignedMultiplyHigh(a[i], c[j]);
        long s = r[i + j] + lo;
        if (Long.compareUnsigned(s, lo) < 0) hi++;
        long s2 = s + carry;
        if (Long.compareUnsigned(s2, s) < 0) hi++;
        r[i + j] = s2;
        carry = hi;
      }
      r[i + 4] = carry;
    }
    if (r[4] == 0 && r[5] == 0 && r[6] == 0 && r[7] == 0) {
      return ofLimbs(r).mod(m);
    }
    return WideDivision.remainder(r, 8, m);
  }

  /** this ^ e mod 2^256 by square-and-multiply. */
  public Word exp(Word e) {
    Word result = ONE;
    Word base = this;
    int bits = e.bitLength();
    for (int i = 0; i < bits; i++) {
      if (e.testBit(i)) result = result.mul(base);
      if (i + 1 < bits) base = base.mul(base);
    }
    return result;
  }

  public boolean testBit(int i) {
    return ((limb(i >>> 6) >>> (i & 63)) & 1) != 0;
  }

  /** SIGNEXTEND: extends the sign of byte {@code b} (0 = least significant); b >= 31 leaves x unchanged. */
  public static Word signExtend(Word b, Word x) {
    if (!b.fitsLong() || b.u0 >= 31) return x;
    int signBit = (int) b.u0 * 8 + 7;
    Word mask = ONE.shl(signBit + 1).sub(ONE);
    return x.testBit(signBit) ? x.or(mask.not()) : x.and(mask);
  }

  // ---- comparison ----

  @Override
  public int compareTo(Word o) {
    int c = Long.compareUnsigned(u3, o.u3);
    if (c != 0) return c;
    c = Long.compareUnsigned(u2, o.u2);
    if (c != 0) return c;
    c = Long.compareUnsigned(u1, o.u1);
    if (c != 0) return c;
    return Long.compareUnsigned(u0, o.u0);
  }

  public int compareSigned(Word o) {
    if (isNegative() != o.isNegative()) return isNegative() ? -1 : 1;
    return compareTo(o);
  }

  public boolean lt(Word o) {
    return compareTo(o) < 0;
  }

  public boolean gt(Word o) {
    return compareTo(o) > 0;
  }

  public boolean slt(Word o) {
    return compareSigned(o) < 0;
  }

  public boolean sgt(Word o) {
    return compareSigned(o) > 0;
  }

  public static Word bool(boolean b) {
    return b ? ONE : ZERO;
  }

  // ---- bitwise ----

  public Word and(Word o) {
    return new Word(u3 & o.u3, u2 & o.u2, u1 & o.u1, u0 & o.u0);
  }

  public Word or(Word o) {
    return new Word(u3 | o.u3, u2 | o.u2, u1 | o.u1, u0 | o.u0);
  }

  public Word xor(Word o) {
    return new Word(u3 ^ o.u3, u2 ^ o.u2, u1 ^ o.u1, u0 ^ o.u0);
  }

  public Word not() {
    return new Word(~u3, ~u2, ~u1, ~u0);
  }

  /** BYTE: byte i of the word counting from the most significant (i = 0); i >= 32 gives 0. */
  public Word byteAt(Word i) {
    if (!i.fitsLong() || i.u0 >= 32) return ZERO;
    int fromLow = 31 - (int) i.u0;
    return of((limb(fromLow >>> 3) >>> ((fromLow & 7) * 8)) & 0xff);
  }

  // Shifts move limbs through locals rather than arrays, so that the JIT keeps them in registers.
  public Word shl(int n) {
    if (n >= 256) return ZERO;
    if (n == 0) return this;
    long a3 = u3;
    long a2 = u2;
    long a1 = u1;
    long a0 = u0;
    for (int k = n >>> 6; k > 0; k--) {
      a3 = a2;
      a2 = a1;
      a1 = a0;
      a0 = 0;
    }
    int bits = n & 63;
    if (bits != 0) {
      a3 = (a3 << bits) | (a2 >>> (64 - bits));
      a2 = (a2 << bits) | (a1 >>> (64 - bits));
      a1 = (a1 << bits) | (a0 >>> (64 - bits));
      a0 <<= bits;
    }
    return new Word(a3, a2, a1, a0);
  }

  public Word shr(int n) {
    if (n >= 256) return ZERO;
    if (n == 0) return this;
    long a3 = u3;
    long a2 = u2;
    long a1 = u1;
    long a0 = u0;
    for (int k = n >>> 6; k > 0; k--) {
      a0 = a1;
      a1 = a2;
      a2 = a3;
      a3 = 0;
    }
    int bits = n & 63;
    if (bits != 0) {
      a0 = (a0 >>> bits) | (a1 << (64 - bits));
      a1 = (a1 >>> bits) | (a2 << (64 - bits));
      a2 = (a2 >>> bits) | (a3 << (64 - bits));
      a3 >>>= bits;
    }
    return new Word(a3, a2, a1, a0);
  }

  /** Arithmetic shift right: the sign bit fills in; shifts of 256 or more give 0 or -1. */
  public Word sar(int n) {
    if (!isNegative()) return shr(n);
    if (n >= 256) return MAX;
    return not().shr(n).not();
  }

  /** SHL with a word shift amount (EVM operand order is shift, value). */
  public Word shl(Word n) {
    return n.fitsLong() && n.u0 < 256 ? shl((int) n.u0) : ZERO;
  }

  public Word shr(Word n) {
    return n.fitsLong() && n.u0 < 256 ? shr((int) n.u0) : ZERO;
  }

  public Word sar(Word n) {
    return sar(n.fitsLong() && n.u0 < 256 ? (int) n.u0 : 256);
  }
}
