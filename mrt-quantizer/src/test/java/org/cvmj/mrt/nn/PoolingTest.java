package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertValues;
import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.iota;
import static org.cvmj.mrt.nn.OpHarness.random;
import static org.cvmj.mrt.nn.OpHarness.run;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class PoolingTest {

  @Test
  void maxTwoByTwoStrideOne() {
    FTensor y = run("Pooling", attrs("kernel", "(2, 2)", "pool_type", "max"), iota(1, 1, 3, 3));
    assertValues(y, dims(1, 1, 2, 2), 4, 5, 7, 8);
  }

  @Test
  void maxTwoByTwoStrideTwo() {
    FTensor y = run("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)", "pool_type", "max"), iota(1, 1, 4, 4));
    assertValues(y, dims(1, 1, 2, 2), 5, 7, 13, 15);
  }

  @Test
  void maxIgnoresPaddingEvenForNegativeInputs() {
    FTensor x = t(dims(1, 1, 2, 2), -1, -2, -3, -4);
    FTensor y = run("Pooling", attrs("kernel", "(2, 2)", "pad", "(1, 1)", "pool_type", "max"), x);
    assertValues(y, dims(1, 1, 3, 3), -1, -1, -2, -1, -1, -2, -3, -3, -4);
  }

  @Test
  void averageCountsPaddingByDefault() {
    FTensor x = t(dims(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
    FTensor y = run("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)", "pad", "(1, 1)", "pool_type", "avg"), x);
    // Every window spans 2x2 cells of the padded input: 1/4, (2+3)/4, (4+7)/4, (5+6+8+9)/4.
    assertValues(y, dims(1, 1, 2, 2), 0.25f, 1.25f, 2.75f, 7f);
  }

  @Test
  void averageWithoutPaddingCountsRealCells() {
    FTensor x = t(dims(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
    FTensor y = run("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)", "pad", "(1, 1)", "pool_type", "avg",
        "count_include_pad", "False"), x);
    assertValues(y, dims(1, 1, 2, 2), 1f, 2.5f, 5.5f, 7f);
  }

  @Test
  void sumPool() {
    FTensor y = run("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)", "pool_type", "sum"), iota(1, 1, 2, 4));
    assertValues(y, dims(1, 1, 1, 2), 0 + 1 + 4 + 5, 2 + 3 + 6 + 7);
  }

  @Test
  void fullConventionRoundsOutputSizeUp() {
    assertEquals(Shape.of(1, 1, 2, 2), infer("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)"),
        Shape.of(1, 1, 5, 5))[0]);
    assertEquals(Shape.of(1, 1, 3, 3), infer("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)",
        "pooling_convention", "full"), Shape.of(1, 1, 5, 5))[0]);
    // (7 + 2*1 - 3) / 2 = 3 exactly: both conventions give 4.
    assertEquals(Shape.of(1, 1, 4, 4), infer("Pooling", attrs("kernel", "(3, 3)", "stride", "(2, 2)", "pad", "(1, 1)",
        "pooling_convention", "full"), Shape.of(1, 1, 7, 7))[0]);
    // 28 -> ceil((28 - 3) / 2) + 1 = 14 (full) vs 12 + 1 = 13 (valid).
    assertEquals(Shape.of(2, 8, 14, 13), infer("Pooling", attrs("kernel", "(3, 3)", "stride", "(2, 2)",
        "pooling_convention", "full"), Shape.of(2, 8, 28, 27))[0]);
  }

  @Test
  void fullConventionWindowsHangOverTheEdge() {
    FTensor x = iota(1, 1, 5, 5);
    FTensor max = run("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)", "pooling_convention", "full"), x);
    assertValues(max, dims(1, 1, 3, 3), 6, 8, 9, 16, 18, 19, 21, 23, 24);
    // MXNet's divisor clips the window to the padded input (here the input): the last column/row count 1.
    FTensor avg = run("Pooling", attrs("kernel", "(2, 2)", "stride", "(2, 2)", "pooling_convention", "full",
        "pool_type", "avg"), x);
    assertValues(avg, dims(1, 1, 3, 3), 3, 5, 6.5f, 13, 15, 16.5f, 20.5f, 22.5f, 24);
  }

  @Test
  void windowsWithoutInputCells() {
    // 9 rows, kernel 2, stride 3, full convention: ceil(7 / 3) + 1 = 4 windows, the last starting at row 9.
    FTensor avg = run("Pooling", attrs("kernel", "(2, 1)", "stride", "(3, 1)", "pool_type", "avg",
        "pooling_convention", "full"), iota(1, 1, 9, 1));
    assertValues(avg, dims(1, 1, 4, 1), 0.5f, 3.5f, 6.5f, 0);
    // Padding wider than the kernel: the corner windows see only padding.
    FTensor max = run("Pooling", attrs("kernel", "(1, 1)", "pad", "(1, 0)"), t(dims(1, 1, 1, 1), 5));
    assertValues(max, dims(1, 1, 3, 1), -Float.MAX_VALUE, 5, -Float.MAX_VALUE);
    FTensor sum = run("Pooling", attrs("kernel", "(1, 1)", "pad", "(1, 0)", "pool_type", "avg"), t(dims(1, 1, 1, 1), 5));
    assertValues(sum, dims(1, 1, 3, 1), 0, 5, 0);
  }

  @Test
  void globalPoolIgnoresKernel() {
    FTensor x = t(dims(1, 2, 2, 2), 1, 2, 3, 4, 10, 20, 30, 40);
    FTensor avg = run("Pooling", attrs("kernel", "(1, 1)", "global_pool", "True", "pool_type", "avg"), x);
    assertValues(avg, dims(1, 2, 1, 1), 2.5f, 25);
    FTensor max = run("Pooling", attrs("global_pool", "True"), x);
    assertValues(max, dims(1, 2, 1, 1), 4, 40);
  }

  @Test
  void matchesDirectLoopOnRandomShapes() {
    SplittableRandom rnd = new SplittableRandom(3);
    String[] types = {"max", "avg", "sum"};
    int cases = 0;
    while (cases < 80) {
      int kh = 1 + rnd.nextInt(4);
      int kw = 1 + rnd.nextInt(4);
      int sh = 1 + rnd.nextInt(3);
      int sw = 1 + rnd.nextInt(3);
      int ph = rnd.nextInt(Math.max(1, kh));
      int pw = rnd.nextInt(Math.max(1, kw));
      int h = 1 + rnd.nextInt(10);
      int w = 1 + rnd.nextInt(10);
      if (h + 2 * ph < kh || w + 2 * pw < kw) {
        continue;
      }
      String type = types[rnd.nextInt(3)];
      boolean full = rnd.nextBoolean();
      boolean countPad = rnd.nextBoolean();
      FTensor x = random(rnd, 2, 3, h, w);
      FTensor y = run("Pooling", attrs("kernel", "(" + kh + ", " + kw + ")", "stride", "(" + sh + ", " + sw + ")",
          "pad", "(" + ph + ", " + pw + ")", "pool_type", type, "pooling_convention", full ? "full" : "valid",
          "count_include_pad", countPad ? "True" : "False"), x);
      int oh = outSize(h, kh, sh, ph, full);
      int ow = outSize(w, kw, sw, pw, full);
      assertEquals(Shape.of(2, 3, oh, ow), y.shape());
      float[] expected = new float[y.data().length];
      int o = 0;
      for (int p = 0; p < 6; p++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            expected[o++] = directWindow(x.data(), p * h * w, h, w, oy * sh - ph, ox * sw - pw, kh, kw, ph, pw, type,
                countPad);
          }
        }
      }
      assertArrayEquals(expected, y.data(), 1e-5f, type + " k" + kh + "x" + kw + " s" + sh + "x" + sw + " p" + ph
          + "x" + pw + " in " + h + "x" + w + (full ? " full" : " valid"));
      cases++;
    }
  }

  private static int outSize(int size, int k, int s, int p, boolean full) {
    int span = size + 2 * p - k;
    return (full ? (span + s - 1) / s : span / s) + 1;
  }

  /** One window the plain way: MXNet's pool_size is the window clipped to the padded input. */
  private static float directWindow(float[] x, int off, int h, int w, int y0, int x0, int kh, int kw, int ph,
      int pw, String type, boolean countPad) {
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int real = 0;
    for (int iy = y0; iy < y0 + kh; iy++) {
      for (int ix = x0; ix < x0 + kw; ix++) {
        if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
          float v = x[off + iy * w + ix];
          max = Math.max(max, v);
          sum += v;
          real++;
        }
      }
    }
    int padded = (Math.min(y0 + kh, h + ph) - y0) * (Math.min(x0 + kw, w + pw) - x0);
    if (real == 0) {
      // No input cell: MXNet's max keeps its initial lowest float; the executor defines the average as 0.
      return type.equals("max") ? -Float.MAX_VALUE : 0f;
    }
    return switch (type) {
      case "max" -> (float) max;
      case "sum" -> (float) sum;
      default -> (float) (sum / (countPad ? padded : real));
    };
  }

  @Test
  void badAttributes() {
    MrtException missing = assertThrows(MrtException.class, () -> OpHarness.parse("Pooling", attrs(), 1));
    assertEquals("node 'n1' (Pooling): attribute kernel is required unless global_pool is True", missing.getMessage());
    MrtException threeD = assertThrows(MrtException.class,
        () -> OpHarness.parse("Pooling", attrs("kernel", "(2, 2, 2)"), 1));
    assertTrue(threeD.getMessage().contains("pools 2-D NCHW only"), threeD.getMessage());
    MrtException same = assertThrows(MrtException.class,
        () -> OpHarness.parse("Pooling", attrs("kernel", "(2, 2)", "pooling_convention", "same"), 1));
    assertTrue(same.getMessage().contains("pooling_convention must be valid or full"), same.getMessage());
    MrtException lp = assertThrows(MrtException.class,
        () -> OpHarness.parse("Pooling", attrs("kernel", "(2, 2)", "pool_type", "lp"), 1));
    assertTrue(lp.getMessage().contains("pool_type must be max, avg or sum"), lp.getMessage());
  }

  @Test
  void kernelLargerThanInput() {
    MrtException e = assertThrows(MrtException.class,
        () -> infer("Pooling", attrs("kernel", "(3, 3)"), Shape.of(1, 1, 2, 5)));
    assertEquals("node 'n1' (Pooling): kernel 3 exceeds padded input 2 along axis 2", e.getMessage());
  }
}
