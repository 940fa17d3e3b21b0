package org.cvmj.chain.evm;

/**
 * Unsigned long division of multi-digit numbers (Knuth's algorithm D), used by {@link Word}: base 2^32 on int
 * digits for DIV's quotients, and base 2^64 on long limbs for the remainders of MOD, ADDMOD and MULMOD, which
 * modular-arithmetic loops run on every step (a quarter of the inner steps of base 2^32, and no 64-bit division
 * per digit beyond the two 32-bit halves of {@link #divide128}). Digits and limbs are read as unsigned, least
 * significant first.
 */
final class WideDivision {
  private static final long M = 0xffffffffL;

  private WideDivision() {}

  /** The remainder of u by v; v must have a non-zero digit. Returns the remainder's digits (length of v). */
  static int[] remainder(int[] u, int[] v) {
    return divide(u, v, false);
  }

  /** The quotient of u by v (length of u). */
  static int[] quotient(int[] u, int[] v) {
    return divide(u, v, true);
  }

  private static int[] divide(int[] u, int[] v, boolean wantQuotient) {
    int n = significantDigits(v);
    int m = significantDigits(u);
    if (n == 0) throw new ArithmeticException("division by zero");
    int[] q = new int[u.length];
    if (m < n) {
      return wantQuotient ? q : java.util.Arrays.copyOf(u, v.length);
    }
    if (n == 1) {
      long d = v[0] & M;
      long r = 0;
      for (int j = m - 1; j >= 0; j--) {
        long cur = (r << 32) | (u[j] & M);
        long qj = divideUnsigned(cur, d);
        q[j] = (int) qj;
        r = cur - qj * d;
      }
      if (wantQuotient) return q;
      int[] rem = new int[v.length];
      rem[0] = (int) r;
      return rem;
    }
    int s = Integer.numberOfLeadingZeros(v[n - 1]);
    int[] vn = new int[n];
    for (int i = n - 1; i > 0; i--) {
      vn[i] = (v[i] << s) | (s == 0 ? 0 : (int) ((v[i - 1] & M) >>> (32 - s)));
    }
    vn[0] = v[0] << s;
    int[] un = new int[m + 1];
    un[m] = s == 0 ? 0 : (int) ((u[m - 1] & M) >>> (32 - s));
    for (int i = m - 1; i > 0; i--) {
      un[i] = (u[i] << s) | (s == 0 ? 0 : (int) ((u[i - 1] & M) >>> (32 - s)));
    }
    un[0] = u[0] << s;
    long vTop = vn[n - 1] & M;
    long vNext = vn[n - 2] & M;
    for (int j = m - n; j >= 0; j--) {
      long num = ((un[j + n] & M) << 32) | (un[j + n - 1] & M);
      long qhat = divideUnsigned(num, vTop);
      long rhat = num - qhat * vTop;
      while (qhat > M || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & M)) > 0) {
        qhat--;
        rhat += vTop;
        if (rhat > M) break;
      }
      long borrow = 0;
      long t;
      for (int i = 0; i < n; i++) {
        long p = qhat * (vn[i] & M);
        t = (un[i + j] & M) - borrow - (p & M);
        un[i + j] = (int) t;
        borrow = (p >>> 32) - (t >> 32);
      }
      t = (un[j + n] & M) - borrow;
      un[j + n] = (int) t;
      if (t < 0) { // qhat was one too large: add the divisor back
        qhat--;
        long carry = 0;
        for (int i = 0; i < n; i++) {
          long sum = (un[i + j] & M) + (vn[i] & M) + carry;
          un[i + j] = (int) sum;
          carry = sum >>> 32;
        }
        un[j + n] += (int) carry;
      }
      q[j] = (int) qhat;
    }
    if (wantQuotient) return q;
    int[] rem = new int[v.length];
    for (int i = 0; i < n; i++) {
      rem[i] = (int) (((un[i] & M) >>> s) | (s == 0 ? 0 : (un[i + 1] & M) << (32 - s)));
    }
    return rem;
  }

  private static int significantDigits(int[] x) {
    int n = x.length;
    while (n > 0 && x[n - 1] == 0) n--;
    return n;
  }

  /** The remainder of the number in u[0, length) (64-bit limbs) by the non-zero word m. */
  static Word remainder(long[] u, int length, Word m) {
    long[] v = {m.u0(), m.u1(), m.u2(), m.u3()};
    int n = significantLimbs(v, 4);
    if (n == 0) throw new ArithmeticException("division by zero");
    int len = significantLimbs(u, length);
    if (len < n) {
      return limbsToWord(u, len);
    }
    // Normalize so that the divisor's top limb has its high bit set, which keeps each estimated quotient limb
    // at most two too large.
    int s = Long.numberOfLeadingZeros(v[n - 1]);
    long[] vn = new long[n];
    for (int i = n - 1; i > 0; i--) {
      vn[i] = (v[i] << s) | (s == 0 ? 0 : v[i - 1] >>> (64 - s));
    }
    vn[0] = v[0] << s;
    long[] un = new long[len + 1];
    un[len] = s == 0 ? 0 : u[len - 1] >>> (64 - s);
    for (int i = len - 1; i > 0; i--) {
      un[i] = (u[i] << s) | (s == 0 ? 0 : u[i - 1] >>> (64 - s));
    }
    un[0] = u[0] << s;
    long vTop = vn[n - 1];
    long reciprocal = reciprocal(vTop);
    if (n == 1) {
      long r = un[len];
      for (int j = len - 1; j >= 0; j--) {
        long q = divide2by1(r, un[j], vTop, reciprocal);
        r = un[j] - q * vTop;
      }
      return Word.of(r >>> s);
    }
    long vNext = vn[n - 2];
    for (int j = len - n; j >= 0; j--) {
      long hi = un[j + n];
      long lo = un[j + n - 1];
      long qhat;
      long rhat;
      boolean rhatOverflow;
      if (hi == vTop) {
        qhat = -1L;
        rhat = lo + vTop;
        rhatOverflow = Long.compareUnsigned(rhat, lo) < 0;
      } else {
        qhat = divide2by1(hi, lo, vTop, reciprocal);
        rhat = lo - qhat * vTop;
        rhatOverflow = false;
      }
      while (!rhatOverflow) {
        long pHi = Word.unsignedMultiplyHigh(qhat, vNext);
        long pLo = qhat * vNext;
        if (Long.compareUnsigned(pHi, rhat) < 0
            || (pHi == rhat && Long.compareUnsigned(pLo, un[j + n - 2]) <= 0)) {
          break;
        }
        qhat--;
        long next = rhat + vTop;
        rhatOverflow = Long.compareUnsigned(next, rhat) < 0;
        rhat = next;
      }
      long borrow = 0;
      for (int i = 0; i < n; i++) {
        long pLo = qhat * vn[i];
        long pHi = Word.unsignedMultiplyHigh(qhat, vn[i]);
        long sub = pLo + borrow;
        if (Long.compareUnsigned(sub, pLo) < 0) pHi++;
        long x = un[i + j];
        un[i + j] = x - sub;
        if (Long.compareUnsigned(x, sub) < 0) pHi++;
        borrow = pHi;
      }
      long top = un[j + n];
      un[j + n] = top - borrow;
      if (Long.compareUnsigned(top, borrow) < 0) { // qhat was one too large: add the divisor back
        long carry = 0;
        for (int i = 0; i < n; i++) {
          long a = un[i + j];
          long sum = a + vn[i];
          long c = Long.compareUnsigned(sum, a) < 0 ? 1 : 0;
          long sum2 = sum + carry;
          c += Long.compareUnsigned(sum2, sum) < 0 ? 1 : 0;
          un[i + j] = sum2;
          carry = c;
        }
        un[j + n] += carry;
      }
    }
    long[] r = new long[4];
    for (int i = 0; i < n; i++) {
      r[i] = (un[i] >>> s) | (s == 0 ? 0 : un[i + 1] << (64 - s));
    }
    return limbsToWord(r, 4);
  }

  /**
   * floor((2^128 - 1) / d) - 2^64 for a d with its high bit set: the reciprocal that lets {@link #divide2by1}
   * replace a hardware division (tens of cycles for 64 bits) by two multiplications.
   */
  static long reciprocal(long d) {
    return divide128(~d, -1L, d);
  }

  /**
   * The quotient of the 128-bit (hi, lo) by d, where d has its high bit set and hi < d, given d's
   * {@link #reciprocal}: Möller and Granlund's division by invariant integers ("Improved division by invariant
   * integers", 2011, algorithm 4), an estimate from the reciprocal corrected by at most two steps.
   */
  static long divide2by1(long hi, long lo, long d, long reciprocal) {
    long pLo = reciprocal * hi;
    long pHi = Word.unsignedMultiplyHigh(reciprocal, hi);
    long q0 = pLo + lo;
    long q1 = pHi + hi + 1 + (Long.compareUnsigned(q0, pLo) < 0 ? 1 : 0);
    long r = lo - q1 * d;
    if (Long.compareUnsigned(r, q0) > 0) {
      q1--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) {
      q1++;
    }
    return q1;
  }

  /**
   * The quotient of the 128-bit (hi, lo) by d, where d has its high bit set and hi < d so that the quotient fits
   * 64 bits: two steps of 32-bit digits, each estimated with one 64-bit division and corrected (Knuth's D on a
   * two-digit divisor, as in Hacker's Delight's divlu).
   */
  static long divide128(long hi, long lo, long d) {
    long d1 = d >>> 32;
    long d0 = d & M;
    long lo1 = lo >>> 32;
    long lo0 = lo & M;
    long q1 = divideUnsigned(hi, d1);
    long rhat = hi - q1 * d1;
    while (q1 > M || Long.compareUnsigned(q1 * d0, (rhat << 32) | lo1) > 0) {
      q1--;
      rhat += d1;
      if (rhat > M) break;
    }
    long mid = (hi << 32) + lo1 - q1 * d;
    long q0 = divideUnsigned(mid, d1);
    rhat = mid - q0 * d1;
    while (q0 > M || Long.compareUnsigned(q0 * d0, (rhat << 32) | lo0) > 0) {
      q0--;
      rhat += d1;
      if (rhat > M) break;
    }
    return (q1 << 32) + q0;
  }

  /**
   * Unsigned 64-bit division. JDK 17's {@link Long#divideUnsigned} goes through BigInteger whenever the dividend
   * has its top bit set, which the digit estimates above hit half the time; this halves the dividend instead so
   * that a signed division applies, then corrects the quotient by at most one.
   */
  static long divideUnsigned(long n, long d) {
    if (d < 0) {
      return Long.compareUnsigned(n, d) < 0 ? 0 : 1;
    }
    if (n >= 0) {
      return n / d;
    }
    long q = ((n >>> 1) / d) << 1;
    long r = n - q * d;
    return Long.compareUnsigned(r, d) >= 0 ? q + 1 : q;
  }

  /** Unsigned 64-bit remainder, with {@link #divideUnsigned}. */
  static long remainderUnsigned(long n, long d) {
    return n - divideUnsigned(n, d) * d;
  }

  private static int significantLimbs(long[] x, int length) {
    int n = length;
    while (n > 0 && x[n - 1] == 0) n--;
    return n;
  }

  private static Word limbsToWord(long[] x, int length) {
    return new Word(length > 3 ? x[3] : 0, length > 2 ? x[2] : 0, length > 1 ? x[1] : 0, length > 0 ? x[0] : 0);
  }
}
