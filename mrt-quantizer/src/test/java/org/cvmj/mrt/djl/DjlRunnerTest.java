package org.cvmj.mrt.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.zoo.Networks;
import org.junit.jupiter.api.Test;

class DjlRunnerTest {
  /** data(N,3) -> FullyConnected(2) -> BatchNorm -> relu, with hand-picked values. */
  private static FModel denseBnRelu() {
    FGraphBuilder g = new FGraphBuilder();
    Entry x = g.variable("data");
    Entry w = g.variable("dense0_weight");
    Entry b = g.variable("dense0_bias");
    Entry fc = g.op("FullyConnected", "dense0", Map.of("num_hidden", "2", "flatten", "True", "no_bias", "False"), x, w, b);
    Entry gamma = g.variable("batchnorm0_gamma");
    Entry beta = g.variable("batchnorm0_beta");
    Entry mean = g.variable("batchnorm0_moving_mean");
    Entry var = g.variable("batchnorm0_moving_var");
    Entry bn = g.op("BatchNorm", "batchnorm0", Map.of("eps", "1e-05", "fix_gamma", "False", "momentum", "0.9",
        "axis", "1", "use_global_stats", "False"), fc, gamma, beta, mean, var);
    Entry relu = g.op("Activation", "relu0", Map.of("act_type", "relu"), bn);
    return new FModel(g.build(List.of(relu)), Map.of(
        "dense0_weight", FTensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6),
        "dense0_bias", FTensor.of(Shape.of(2), 0.5f, -1),
        "batchnorm0_gamma", FTensor.of(Shape.of(2), 2, 1),
        "batchnorm0_beta", FTensor.of(Shape.of(2), 0, -20),
        "batchnorm0_moving_mean", FTensor.of(Shape.of(2), 0.5f, 0),
        "batchnorm0_moving_var", FTensor.of(Shape.of(2), 4 - 1e-5f, 1 - 1e-5f)));
  }

  @Test
  void runsAHandComputedModel() {
    try (DjlRunner r = DjlRunner.load(denseBnRelu())) {
      assertEquals(List.of("data"), r.inputNames());
      List<FTensor> out = r.predict(FTensor.of(Shape.of(2, 3), 1, 1, 1, 1, 0, -1));
      assertEquals(1, out.size());
      assertArrayEquals(new int[] {2, 2}, out.get(0).shape().dims());
      // row 0: fc = (6.5, 14); bn = (2*(6.5-0.5)/2 + 0, 1*(14-0)/1 - 20) = (6, -6); relu -> (6, 0)
      // row 1: fc = (-1.5, -3); bn = (2*(-2)/2, -3 - 20) = (-2, -23); relu -> (0, 0)
      float[] expected = {6, 0, 0, 0};
      float[] got = out.get(0).data();
      for (int i = 0; i < 4; i++) {
        assertEquals(expected[i], got[i], 1e-5, "element " + i);
      }
    }
  }

  @Test
  void parametersComeBackBitForBit() {
    FModel m = Networks.create("resnet20", 3);
    try (DjlRunner r = DjlRunner.load(m)) {
      Map<String, FTensor> back = r.parameters();
      assertEquals(m.params().keySet(), back.keySet(), "every arg: and aux: entry loads under its own name");
      for (Map.Entry<String, FTensor> e : m.params().entrySet()) {
        FTensor b = back.get(e.getKey());
        assertArrayEquals(e.getValue().shape().dims(), b.shape().dims(), e.getKey());
        float[] x = e.getValue().data();
        float[] y = b.data();
        for (int i = 0; i < x.length; i++) {
          if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
            throw new AssertionError(e.getKey() + "[" + i + "]: wrote " + x[i] + ", DJL read " + y[i]);
          }
        }
      }
    }
  }

  @Test
  void rejectsWrongInputs() {
    try (DjlRunner r = DjlRunner.load(denseBnRelu())) {
      MrtException e = assertThrows(MrtException.class, () -> r.predict(Map.of("x", FTensor.zeros(Shape.of(1, 3)))));
      assertTrue(e.getMessage().contains("[data]"), e.getMessage());
    }
  }

  @Test
  void shiftsImagesWithZeroFill() {
    float[] src = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    float[] dst = new float[9];
    Trainer.copyShifted(src, 0, dst, 0, 1, 3, 3, 1, -1);
    // right by one, up by one
    assertArrayEquals(new float[] {0, 4, 5, 0, 7, 8, 0, 0, 0}, dst);
    Trainer.copyShifted(src, 0, dst, 0, 1, 3, 3, 0, 0);
    assertArrayEquals(src, dst);
  }
}
