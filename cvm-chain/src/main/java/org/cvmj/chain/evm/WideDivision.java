package org.cvmj.chain.evm;

/**
 * Unsigned long division of multi-digit numbers (Knuth's algorithm D, base 2^32), used by {@link Word} for
 * DIV/MOD of wide operands and for the 512-bit remainders of ADDMOD and MULMOD. Digits are ints read as
 * unsigned, least significant first.
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
        q[j] = (int) Long.divideUnsigned(cur, d);
        r = Long.remainderUnsigned(cur, d);
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
      long qhat = Long.divideUnsigned(num, vTop);
      long rhat = Long.remainderUnsigned(num, vTop);
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
}
