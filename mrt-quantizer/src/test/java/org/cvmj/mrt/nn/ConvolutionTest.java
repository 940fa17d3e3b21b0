package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertClose;
import static org.cvmj.mrt.nn.OpHarness.assertValues;
import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.random;
import static org.cvmj.mrt.nn.OpHarness.run;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class ConvolutionTest {

  @Test
  void twoByTwoOnesSumsEachWindow() {
    FTensor x = t(dims(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
    FTensor w = t(dims(1, 1, 2, 2), 1, 1, 1, 1);
    FTensor y = run("Convolution", attrs("kernel", "(2, 2)", "num_filter", "1", "no_bias", "True"), x, w);
    assertValues(y, dims(1, 1, 2, 2), 12, 16, 24, 28);
  }

  @Test
  void padAndStrideSeeOnlyRealPixels() {
    // Windows start at (-1,-1), (-1,1), (1,-1), (1,1) in input coordinates; padding contributes 0.
    FTensor x = t(dims(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
    FTensor w = t(dims(1, 1, 2, 2), 1, 1, 1, 1);
    FTensor b = t(dims(1), 0.5f);
    FTensor y = run("Convolution", attrs("kernel", "(2, 2)", "num_filter", "1", "stride", "(2, 2)", "pad", "(1, 1)"),
        x, w, b);
    assertValues(y, dims(1, 1, 2, 2), 1.5f, 5.5f, 11.5f, 28.5f);
  }

  @Test
  void groupsUseTheirOwnChannels() {
    // Two groups, one channel each: filter 0 scales channel 0 by 2, filter 1 scales channel 1 by -1.
    FTensor x = t(dims(1, 2, 1, 2), 1, 2, 10, 20);
    FTensor w = t(dims(2, 1, 1, 1), 2, -1);
    FTensor y = run("Convolution", attrs("kernel", "(1, 1)", "num_filter", "2", "num_group", "2", "no_bias", "True"),
        x, w);
    assertValues(y, dims(1, 2, 1, 2), 2, 4, -10, -20);
  }

  @Test
  void matchesDirectLoopOnRandomShapes() {
    SplittableRandom rnd = new SplittableRandom(2024);
    int cases = 0;
    while (cases < 60) {
      int n = 1 + rnd.nextInt(3);
      int groups = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(6) : 1 + rnd.nextInt(2);
      int cg = 1 + rnd.nextInt(4);
      int fg = rnd.nextInt(5) == 0 ? 1 : 1 + rnd.nextInt(6);
      int kh = 1 + rnd.nextInt(4);
      int kw = 1 + rnd.nextInt(4);
      int sh = 1 + rnd.nextInt(3);
      int sw = 1 + rnd.nextInt(3);
      int ph = rnd.nextInt(3);
      int pw = rnd.nextInt(3);
      int dh = 1 + rnd.nextInt(2);
      int dw = 1 + rnd.nextInt(2);
      int h = 1 + rnd.nextInt(12);
      int w = 1 + rnd.nextInt(12);
      if (h + 2 * ph < dh * (kh - 1) + 1 || w + 2 * pw < dw * (kw - 1) + 1) {
        continue;
      }
      checkAgainstDirect(rnd, n, groups, cg, fg, h, w, kh, kw, sh, sw, ph, pw, dh, dw, rnd.nextBoolean());
      cases++;
    }
  }

  @Test
  void matchesDirectLoopAcrossMatrixBlocks() {
    // K = 32*3*3 = 288 > one K block, 20*20 = 400 columns > one N block, 37 filters: a row tail of 1.
    checkAgainstDirect(new SplittableRandom(5), 2, 1, 32, 37, 22, 22, 3, 3, 1, 1, 0, 0, 1, 1, true);
    // 1x1, stride 1, no pad: the in-place path, 128 filters over 64 channels.
    checkAgainstDirect(new SplittableRandom(6), 3, 1, 64, 128, 10, 10, 1, 1, 1, 1, 0, 0, 1, 1, true);
    // Depthwise, as the quantizer's prepare stage emits it (num_group = channels).
    checkAgainstDirect(new SplittableRandom(7), 2, 16, 1, 1, 9, 9, 1, 1, 1, 1, 0, 0, 1, 1, false);
    checkAgainstDirect(new SplittableRandom(8), 2, 16, 1, 1, 9, 9, 3, 3, 1, 1, 1, 1, 1, 1, true);
    checkAgainstDirect(new SplittableRandom(9), 2, 5, 1, 1, 11, 10, 3, 2, 2, 3, 1, 2, 2, 1, true);
    // A 3x1 depthwise kernel without padding: every tap covers the whole output plane at once.
    checkAgainstDirect(new SplittableRandom(10), 2, 4, 1, 1, 7, 6, 3, 1, 1, 1, 0, 0, 1, 1, true);
  }

  @Test
  void batchOfManyImagesEqualsEachImageAlone() {
    // Images are split across threads; every image's result must not depend on the split.
    SplittableRandom rnd = new SplittableRandom(9);
    FTensor x = random(rnd, 64, 3, 12, 12);
    FTensor w = random(rnd, 8, 3, 3, 3);
    FTensor b = random(rnd, 8);
    Map<String, String> a = attrs("kernel", "(3, 3)", "num_filter", "8", "pad", "(1, 1)");
    FTensor all = run("Convolution", a, x, w, b);
    int per = 3 * 12 * 12;
    int outPer = 8 * 12 * 12;
    for (int i = 0; i < 64; i += 21) {
      float[] one = java.util.Arrays.copyOfRange(x.data(), i * per, (i + 1) * per);
      FTensor y = run("Convolution", a, new FTensor(Shape.of(1, 3, 12, 12), one), w, b);
      for (int j = 0; j < outPer; j++) {
        assertEquals(Float.floatToIntBits(y.data()[j]), Float.floatToIntBits(all.data()[i * outPer + j]));
      }
    }
  }

  private static void checkAgainstDirect(SplittableRandom rnd, int n, int groups, int cg, int fg, int h, int w,
      int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, boolean bias) {
    int c = groups * cg;
    int f = groups * fg;
    FTensor x = random(rnd, n, c, h, w);
    FTensor wt = random(rnd, f, cg, kh, kw);
    FTensor b = random(rnd, f);
    Map<String, String> a = attrs("kernel", "(" + kh + ", " + kw + ")", "num_filter", "" + f, "num_group",
        "" + groups, "stride", "(" + sh + ", " + sw + ")", "pad", "(" + ph + ", " + pw + ")", "dilate",
        "(" + dh + ", " + dw + ")", "no_bias", bias ? "False" : "True");
    FTensor y = bias ? run("Convolution", a, x, wt, b) : run("Convolution", a, x, wt);
    int oh = (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1;
    int ow = (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1;
    assertEquals(Shape.of(n, f, oh, ow), y.shape());
    double[] expected = new double[n * f * oh * ow];
    double[] scale = new double[expected.length];
    // The textbook seven loops, in double.
    for (int img = 0; img < n; img++) {
      for (int fo = 0; fo < f; fo++) {
        int g = fo / fg;
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            double s = bias ? b.data()[fo] : 0;
            double m = Math.abs(s);
            for (int ci = 0; ci < cg; ci++) {
              for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                  int iy = oy * sh - ph + ky * dh;
                  int ix = ox * sw - pw + kx * dw;
                  if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                    continue;
                  }
                  double p = (double) wt.data()[((fo * cg + ci) * kh + ky) * kw + kx]
                      * x.data()[((img * c + g * cg + ci) * h + iy) * w + ix];
                  s += p;
                  m += Math.abs(p);
                }
              }
            }
            int o = ((img * f + fo) * oh + oy) * ow + ox;
            expected[o] = s;
            scale[o] = m;
          }
        }
      }
    }
    assertClose(expected, scale, y.data(), 1e-5);
  }

  @Test
  void shapeRule() {
    Shape[] out = infer("Convolution", attrs("kernel", "(3, 3)", "num_filter", "16", "stride", "(2, 2)", "pad", "(1, 1)"),
        Shape.of(4, 3, 28, 28), Shape.of(16, 3, 3, 3), Shape.of(16));
    assertEquals(Shape.of(4, 16, 14, 14), out[0]);
  }

  @Test
  void wrongWeightShapeNamesNodeAndShapes() {
    MrtException e = assertThrows(MrtException.class, () -> infer("Convolution",
        attrs("kernel", "(3, 3)", "num_filter", "16"), Shape.of(1, 3, 28, 28), Shape.of(16, 1, 3, 3), Shape.of(16)));
    assertEquals("node 'n1' (Convolution): weight has shape (16, 1, 3, 3), expected (16, 3, 3, 3)", e.getMessage());
  }

  @Test
  void missingBiasInputIsCounted() {
    MrtException e = assertThrows(MrtException.class, () -> infer("Convolution",
        attrs("kernel", "(3, 3)", "num_filter", "16"), Shape.of(1, 3, 28, 28), Shape.of(16, 3, 3, 3)));
    assertEquals("node 'n1' (Convolution): expects 3 inputs (data, weight, bias), got 2", e.getMessage());
  }

  @Test
  void oneAndThreeDimensionalKernelsAreRejected() {
    MrtException one = assertThrows(MrtException.class,
        () -> OpHarness.parse("Convolution", attrs("kernel", "(3,)", "num_filter", "4"), 3));
    assertTrue(one.getMessage().contains("supports only 2-D convolution"), one.getMessage());
    MrtException three = assertThrows(MrtException.class,
        () -> OpHarness.parse("Convolution", attrs("kernel", "(3, 3, 3)", "num_filter", "4"), 3));
    assertTrue(three.getMessage().startsWith("node 'n1' (Convolution): attribute kernel has 3 values"),
        three.getMessage());
  }

  @Test
  void otherLayoutsAreRejected() {
    MrtException e = assertThrows(MrtException.class, () -> OpHarness.parse("Convolution",
        attrs("kernel", "(3, 3)", "num_filter", "4", "layout", "NHWC"), 3));
    assertTrue(e.getMessage().contains("attribute layout must be NCHW"), e.getMessage());
  }

  @Test
  void kernelLargerThanPaddedInput() {
    MrtException e = assertThrows(MrtException.class, () -> infer("Convolution",
        attrs("kernel", "(5, 5)", "num_filter", "1", "no_bias", "True"), Shape.of(1, 1, 3, 3), Shape.of(1, 1, 5, 5)));
    assertTrue(e.getMessage().contains("exceeds padded input 3"), e.getMessage());
  }

  @Test
  void channelsNotDivisibleByGroups() {
    MrtException e = assertThrows(MrtException.class, () -> infer("Convolution",
        attrs("kernel", "(1, 1)", "num_filter", "4", "num_group", "2", "no_bias", "True"), Shape.of(1, 3, 4, 4),
        Shape.of(4, 1, 1, 1)));
    assertTrue(e.getMessage().contains("3 channels, not a multiple of num_group 2"), e.getMessage());
  }
}
