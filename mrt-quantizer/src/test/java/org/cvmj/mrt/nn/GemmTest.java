package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertClose;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The matrix kernels against the schoolbook triple loop, on sizes around every tile and block edge. */
class GemmTest {

  @Test
  void multiplyAddMatchesTripleLoop() {
    SplittableRandom rnd = new SplittableRandom(1);
    int[][] sizes = {{1, 1, 1}, {4, 16, 3}, {5, 33, 7}, {9, 129, 257}, {3, 300, 600}, {8, 64, 513}, {2, 15, 2}};
    for (int[] s : sizes) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      // Embedded in larger arrays with offsets and leading dimensions wider than the matrix.
      int lda = k + 3;
      int ldb = n + 5;
      int ldc = n + 2;
      float[] a = fill(rnd, 7 + m * lda);
      float[] b = fill(rnd, 11 + k * ldb);
      float[] c = fill(rnd, 13 + m * ldc);
      double[] expected = new double[m * n];
      double[] scale = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = c[13 + i * ldc + j];
          double mag = Math.abs(sum);
          for (int p = 0; p < k; p++) {
            double t = (double) a[7 + i * lda + p] * b[11 + p * ldb + j];
            sum += t;
            mag += Math.abs(t);
          }
          expected[i * n + j] = sum;
          scale[i * n + j] = mag;
        }
      }
      Gemm.multiplyAdd(m, n, k, a, 7, lda, b, 11, ldb, c, 13, ldc);
      float[] got = new float[m * n];
      for (int i = 0; i < m; i++) {
        System.arraycopy(c, 13 + i * ldc, got, i * n, n);
      }
      assertClose(expected, scale, got, 1e-5);
    }
  }

  @Test
  void multiplyTransposedMatchesDotProducts() {
    SplittableRandom rnd = new SplittableRandom(2);
    int[][] sizes = {{1, 1, 1}, {3, 10, 3200}, {7, 5, 17}, {2, 70, 1500}};
    for (int[] s : sizes) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      float[] a = fill(rnd, 3 + m * k);
      float[] b = fill(rnd, 5 + n * k);
      float[] c = new float[4 + m * n];
      double[] expected = new double[m * n];
      double[] scale = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          for (int p = 0; p < k; p++) {
            double t = (double) a[3 + i * k + p] * b[5 + j * k + p];
            expected[i * n + j] += t;
            scale[i * n + j] += Math.abs(t);
          }
        }
      }
      Gemm.multiplyTransposed(m, n, k, a, 3, b, 5, c, 4);
      assertClose(expected, scale, java.util.Arrays.copyOfRange(c, 4, 4 + m * n), 1e-5);
    }
  }

  private static float[] fill(SplittableRandom rnd, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rnd.nextDouble(-1, 1);
    }
    return v;
  }
}
