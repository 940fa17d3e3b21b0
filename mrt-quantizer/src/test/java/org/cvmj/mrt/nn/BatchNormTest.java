package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.runAll;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class BatchNormTest {
  // Data (1, 2, 1, 2): channel 0 holds 1, 2; channel 1 holds 3, 4.
  private final FTensor x = t(dims(1, 2, 1, 2), 1, 2, 3, 4);
  private final FTensor gamma = t(dims(2), 2, 3);
  private final FTensor beta = t(dims(2), 0.5f, -1);
  private final FTensor mean = t(dims(2), 1, 3);
  private final FTensor var = t(dims(2), 4, 0.25f);

  @Test
  void fixGammaDefaultIgnoresGamma() {
    FTensor[] out = runAll("BatchNorm", attrs(), x, gamma, beta, mean, var);
    // eps defaults to 1e-3: y = (x - mean) / sqrt(var + 0.001) + beta.
    float[] expected = {
        (float) (0 / Math.sqrt(4.001) + 0.5), (float) (1 / Math.sqrt(4.001) + 0.5),
        (float) (0 / Math.sqrt(0.251) - 1), (float) (1 / Math.sqrt(0.251) - 1)};
    assertArrayEquals(expected, out[0].data(), 1e-6f);
    assertEquals(3, out.length);
    assertSame(mean, out[1]);
    assertSame(var, out[2]);
  }

  @Test
  void learnedGammaScales() {
    FTensor y = runAll("BatchNorm", attrs("fix_gamma", "False", "eps", "1e-5"), x, gamma, beta, mean, var)[0];
    float[] expected = {
        0.5f, (float) (2 / Math.sqrt(4.00001) + 0.5),
        -1f, (float) (3 / Math.sqrt(0.25001) - 1)};
    assertArrayEquals(expected, y.data(), 1e-5f);
  }

  @Test
  void useGlobalStatsChangesNothingAtInference() {
    FTensor a = runAll("BatchNorm", attrs("fix_gamma", "False"), x, gamma, beta, mean, var)[0];
    FTensor b = runAll("BatchNorm", attrs("fix_gamma", "False", "use_global_stats", "True"), x, gamma, beta, mean,
        var)[0];
    assertArrayEquals(a.data(), b.data(), 0f);
  }

  @Test
  void lastAxis() {
    // (2, 2) data normalised along axis -1: columns are the channels.
    FTensor d = t(dims(2, 2), 1, 3, 2, 4);
    FTensor y = runAll("BatchNorm", attrs("axis", "-1", "fix_gamma", "False", "eps", "1e-5"), d, gamma, beta, mean,
        var)[0];
    float[] expected = {
        0.5f, -1f,
        (float) (2 / Math.sqrt(4.00001) + 0.5), (float) (3 / Math.sqrt(0.25001) - 1)};
    assertArrayEquals(expected, y.data(), 1e-5f);
  }

  @Test
  void shapes() {
    Shape c = Shape.of(8);
    Shape[] out = infer("BatchNorm", attrs(), Shape.of(4, 8, 5, 5), c, c, c, c);
    assertArrayEquals(new Shape[] {Shape.of(4, 8, 5, 5), c, c}, out);
    MrtException e = assertThrows(MrtException.class,
        () -> infer("BatchNorm", attrs(), Shape.of(4, 8, 5, 5), c, c, Shape.of(7), c));
    assertEquals("node 'n1' (BatchNorm): moving_mean has shape (7,), expected (8,)", e.getMessage());
  }
}
