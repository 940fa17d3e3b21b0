package org.cvmj.cvm.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * The same model and input give the same bytes for every thread count, and the SIMD convolution agrees
 * with the definition of conv2d computed naively here.
 */
class DeterminismTest {

  @Test
  void convolutionsMatchTheNaiveDefinitionForEveryThreadCount() throws Exception {
    SplittableRandom rnd = new SplittableRandom(7);
    int[][] cases = {
        // c, h, w, oc, k, stride, pad, dilation, groups
        {8, 20, 20, 16, 3, 1, 1, 1, 1},
        {16, 17, 13, 12, 3, 2, 1, 1, 1},
        {6, 9, 9, 6, 3, 1, 2, 2, 3},
        {32, 8, 8, 32, 1, 1, 0, 1, 32},
        {3, 33, 31, 5, 5, 2, 2, 1, 1},
        {4, 7, 7, 9, 1, 1, 0, 1, 1},
    };
    for (int[] c : cases) {
      GraphBuilder b = new GraphBuilder();
      Shape xs = Shape.of(2, c[0], c[1], c[2]);
      EntryRef x = b.input(xs, 8);
      Shape ws = Shape.of(c[3], c[0] / c[8], c[4], c[4]);
      int[] w = random(rnd, (int) ws.size());
      int[] bias = random(rnd, c[3]);
      EntryRef y = b.op("conv2d", Map.of("channels", "" + c[3], "kernel_size", "(" + c[4] + ", " + c[4] + ")",
              "strides", "(" + c[5] + ", " + c[5] + ")", "padding", "(" + c[6] + ", " + c[6] + ")",
              "dilation", "(" + c[7] + ", " + c[7] + ")", "groups", "" + c[8]),
          x, b.param("w", ws, 8, w), b.param("b", Shape.of(c[3]), 8, bias));
      GraphBuilder.Built built = b.build(y);
      Model model = Model.of(org.cvmj.cvm.model.GraphLoader.load(built.symbol()), built.params());
      int[] input = random(rnd, (int) xs.size());
      int[] expected = naive(input, xs, w, ws, bias, c[5], c[6], c[7], c[8]);
      for (int threads = 1; threads <= 3; threads++) {
        try (Executor ex = new Executor(model, threads)) {
          assertArrayEquals(expected, ex.run(input)[0], "case " + java.util.Arrays.toString(c) + " threads " + threads);
        }
      }
    }
  }

  private static int[] random(SplittableRandom rnd, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(-127, 128);
    }
    return v;
  }

  /** conv2d straight from its definition (spec §2.3), zero padding, int32 sums. */
  private static int[] naive(int[] x, Shape xs, int[] w, Shape ws, int[] bias, int s, int p, int d, int groups) {
    int n = xs.dim(0);
    int ch = xs.dim(1);
    int h = xs.dim(2);
    int wd = xs.dim(3);
    int oc = ws.dim(0);
    int k = ws.dim(2);
    int oh = (h + 2 * p - ((k - 1) * d + 1)) / s + 1;
    int ow = (wd + 2 * p - ((k - 1) * d + 1)) / s + 1;
    int ipg = ch / groups;
    int opg = oc / groups;
    int[] y = new int[n * oc * oh * ow];
    for (int img = 0; img < n; img++) {
      for (int o = 0; o < oc; o++) {
        for (int r = 0; r < oh; r++) {
          for (int q = 0; q < ow; q++) {
            int acc = bias[o];
            for (int t = 0; t < ipg; t++) {
              for (int fh = 0; fh < k; fh++) {
                for (int fw = 0; fw < k; fw++) {
                  int ih = r * s + fh * d - p;
                  int iw = q * s + fw * d - p;
                  if (ih >= 0 && ih < h && iw >= 0 && iw < wd) {
                    acc += x[((img * ch + (o / opg) * ipg + t) * h + ih) * wd + iw]
                        * w[((o * ipg + t) * k + fh) * k + fw];
                  }
                }
              }
            }
            y[((img * oc + o) * oh + r) * ow + q] = acc;
          }
        }
      }
    }
    return y;
  }
}
