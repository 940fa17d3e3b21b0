package org.cvmj.mrt.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-threaded float matrix products on row-major arrays (offset plus leading dimension), the kernels
 * behind Convolution (after im2col) and FullyConnected. Callers parallelise over independent outputs.
 *
 * <p>{@link #multiplyAdd} is blocked for the caches (a K-by-N panel of B stays in L2 while every row block of
 * A passes over it) and register-tiled: a tile of 4 rows by 2 vectors of C lives in registers across the
 * whole K block. Vector code stays in small methods with vectors in locals only, so that C2 keeps them in
 * registers. The result of each element depends only on its position, never on how callers split the work.
 */
final class Gemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int V = S.length();
  /** Rows of B (and columns of A) per block. */
  private static final int KB = 256;
  /** Columns of B and C per block (a multiple of 2V): a 256 x 128 float panel of B is 128 KiB, inside L2. */
  private static final int NB = Math.max(128, 2 * V);

  private Gemm() {}

  /** c[i][j] += sum over p of a[i][p] * b[p][j], for i &lt; m, j &lt; n, p &lt; k. */
  static void multiplyAdd(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float[] c, int cOff, int ldc) {
    int nv = n - n % V; // columns covered by whole vectors; the rest go through a zero-padded panel
    float[] tailB = nv < n ? new float[Math.min(k, KB) * V] : null;
    float[] tailC = nv < n ? new float[4 * V] : null;
    for (int k0 = 0; k0 < k; k0 += KB) {
      int kb = Math.min(KB, k - k0);
      for (int j0 = 0; j0 < nv; j0 += NB) {
        int jEnd = Math.min(nv, j0 + NB);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
          rows4(a, aOff + i * lda + k0, lda, b, bOff + k0 * ldb, ldb, kb, c, cOff + i * ldc, ldc, j0, jEnd);
        }
        for (; i < m; i++) {
          rows1(a, aOff + i * lda + k0, b, bOff + k0 * ldb + j0, ldb, kb, c, cOff + i * ldc + j0, jEnd - j0);
        }
      }
      if (nv < n) {
        tail(m, n - nv, kb, a, aOff + k0, lda, b, bOff + k0 * ldb + nv, ldb, c, cOff + nv, ldc, tailB, tailC);
      }
    }
  }

  /**
   * The last {@code w} &lt; V columns: B's columns are copied once per K block into a zero-padded kb x V
   * panel and C's into a 4 x V scratch, so that the tail runs the same vector tiles as the body.
   */
  private static void tail(int m, int w, int kb, float[] a, int ai, int lda, float[] b, int bi, int ldb, float[] c,
      int ci, int ldc, float[] tailB, float[] tailC) {
    for (int p = 0; p < kb; p++) {
      System.arraycopy(b, bi + p * ldb, tailB, p * V, w);
    }
    int i = 0;
    for (; i < m; i += 4) {
      int rows = Math.min(4, m - i);
      for (int r = 0; r < rows; r++) {
        System.arraycopy(c, ci + (i + r) * ldc, tailC, r * V, w);
      }
      if (rows == 4) {
        tile4x1(a, ai + i * lda, lda, tailB, 0, V, kb, tailC, 0, V);
      } else {
        for (int r = 0; r < rows; r++) {
          tile1x1(a, ai + (i + r) * lda, tailB, 0, V, kb, tailC, r * V);
        }
      }
      for (int r = 0; r < rows; r++) {
        System.arraycopy(tailC, r * V, c, ci + (i + r) * ldc, w);
      }
    }
  }

  /** Four rows of C, columns j0..jEnd (a multiple of V wide). */
  private static void rows4(float[] a, int ai, int lda, float[] b, int bi, int ldb, int kb, float[] c, int ci,
      int ldc, int j0, int jEnd) {
    int j = j0;
    for (; j + 2 * V <= jEnd; j += 2 * V) {
      tile4x2(a, ai, lda, b, bi + j, ldb, kb, c, ci + j, ldc);
    }
    for (; j < jEnd; j += V) {
      tile4x1(a, ai, lda, b, bi + j, ldb, kb, c, ci + j, ldc);
    }
  }

  /** One row of C, {@code width} columns (a multiple of V). */
  private static void rows1(float[] a, int ai, float[] b, int bi, int ldb, int kb, float[] c, int ci, int width) {
    for (int j = 0; j < width; j += V) {
      tile1x1(a, ai, b, bi + j, ldb, kb, c, ci + j);
    }
  }

  private static void tile4x2(float[] a, int ai, int lda, float[] b, int bi, int ldb, int kb, float[] c, int ci,
      int ldc) {
    FloatVector c00 = FloatVector.fromArray(S, c, ci);
    FloatVector c01 = FloatVector.fromArray(S, c, ci + V);
    FloatVector c10 = FloatVector.fromArray(S, c, ci + ldc);
    FloatVector c11 = FloatVector.fromArray(S, c, ci + ldc + V);
    FloatVector c20 = FloatVector.fromArray(S, c, ci + 2 * ldc);
    FloatVector c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + V);
    FloatVector c30 = FloatVector.fromArray(S, c, ci + 3 * ldc);
    FloatVector c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + V);
    for (int p = 0; p < kb; p++) {
      int bo = bi + p * ldb;
      FloatVector b0 = FloatVector.fromArray(S, b, bo);
      FloatVector b1 = FloatVector.fromArray(S, b, bo + V);
      FloatVector a0 = FloatVector.broadcast(S, a[ai + p]);
      c00 = a0.fma(b0, c00);
      c01 = a0.fma(b1, c01);
      FloatVector a1 = FloatVector.broadcast(S, a[ai + lda + p]);
      c10 = a1.fma(b0, c10);
      c11 = a1.fma(b1, c11);
      FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * lda + p]);
      c20 = a2.fma(b0, c20);
      c21 = a2.fma(b1, c21);
      FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * lda + p]);
      c30 = a3.fma(b0, c30);
      c31 = a3.fma(b1, c31);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + V);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + V);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + V);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + V);
  }

  private static void tile4x1(float[] a, int ai, int lda, float[] b, int bi, int ldb, int kb, float[] c, int ci,
      int ldc) {
    FloatVector c0 = FloatVector.fromArray(S, c, ci);
    FloatVector c1 = FloatVector.fromArray(S, c, ci + ldc);
    FloatVector c2 = FloatVector.fromArray(S, c, ci + 2 * ldc);
    FloatVector c3 = FloatVector.fromArray(S, c, ci + 3 * ldc);
    for (int p = 0; p < kb; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, bi + p * ldb);
      c0 = FloatVector.broadcast(S, a[ai + p]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, a[ai + lda + p]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, a[ai + 2 * lda + p]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, a[ai + 3 * lda + p]).fma(b0, c3);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + ldc);
    c2.intoArray(c, ci + 2 * ldc);
    c3.intoArray(c, ci + 3 * ldc);
  }

  private static void tile1x1(float[] a, int ai, float[] b, int bi, int ldb, int kb, float[] c, int ci) {
    FloatVector c0 = FloatVector.fromArray(S, c, ci);
    for (int p = 0; p < kb; p++) {
      c0 = FloatVector.broadcast(S, a[ai + p]).fma(FloatVector.fromArray(S, b, bi + p * ldb), c0);
    }
    c0.intoArray(c, ci);
  }

  /**
   * c[i][j] = sum over p of a[i][p] * b[j][p] (B transposed: both operands read along rows), for i &lt; m,
   * j &lt; n, p &lt; k; C's leading dimension is n. FullyConnected: A = data rows, B = weight (hidden x in).
   */
  static void multiplyTransposed(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c,
      int cOff) {
    // Blocks of B rows sized to stay in L2 while every row of A passes over them.
    int jb = Math.max(4, (1 << 16) / Math.max(1, k));
    for (int j0 = 0; j0 < n; j0 += jb) {
      int jEnd = Math.min(n, j0 + jb);
      for (int i = 0; i < m; i++) {
        int ai = aOff + i * k;
        int ci = cOff + i * n;
        int j = j0;
        for (; j + 4 <= jEnd; j += 4) {
          dot4(a, ai, b, bOff + j * k, k, c, ci + j);
        }
        for (; j < jEnd; j++) {
          c[ci + j] = dot(a, ai, b, bOff + j * k, k);
        }
      }
    }
  }

  private static void dot4(float[] a, int ai, float[] b, int bi, int k, float[] c, int ci) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int p = 0;
    for (int end = S.loopBound(k); p < end; p += V) {
      FloatVector x = FloatVector.fromArray(S, a, ai + p);
      s0 = x.fma(FloatVector.fromArray(S, b, bi + p), s0);
      s1 = x.fma(FloatVector.fromArray(S, b, bi + k + p), s1);
      s2 = x.fma(FloatVector.fromArray(S, b, bi + 2 * k + p), s2);
      s3 = x.fma(FloatVector.fromArray(S, b, bi + 3 * k + p), s3);
    }
    float t0 = s0.reduceLanes(VectorOperators.ADD);
    float t1 = s1.reduceLanes(VectorOperators.ADD);
    float t2 = s2.reduceLanes(VectorOperators.ADD);
    float t3 = s3.reduceLanes(VectorOperators.ADD);
    for (; p < k; p++) {
      float x = a[ai + p];
      t0 = Math.fma(x, b[bi + p], t0);
      t1 = Math.fma(x, b[bi + k + p], t1);
      t2 = Math.fma(x, b[bi + 2 * k + p], t2);
      t3 = Math.fma(x, b[bi + 3 * k + p], t3);
    }
    c[ci] = t0;
    c[ci + 1] = t1;
    c[ci + 2] = t2;
    c[ci + 3] = t3;
  }

  private static float dot(float[] a, int ai, float[] b, int bi, int k) {
    FloatVector s = FloatVector.zero(S);
    int p = 0;
    for (int end = S.loopBound(k); p < end; p += V) {
      s = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bi + p), s);
    }
    float t = s.reduceLanes(VectorOperators.ADD);
    for (; p < k; p++) {
      t = Math.fma(a[ai + p], b[bi + p], t);
    }
    return t;
  }
}
