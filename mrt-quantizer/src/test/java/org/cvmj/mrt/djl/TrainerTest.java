package org.cvmj.mrt.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.data.Dataset;
import org.cvmj.mrt.data.DatasetSpec;
import org.cvmj.mrt.data.Datasets;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.zoo.Networks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static Dataset train;
  private static Dataset test;

  @BeforeAll
  static void digits() {
    train = Datasets.load(DatasetSpec.mnist(), "train", Shape.of(1, 28, 28)).batch(0, 1000);
    test = Datasets.load(DatasetSpec.mnist(), "test", Shape.of(1, 28, 28));
  }

  private static TrainOptions oneEpoch() {
    return new TrainOptions(1, 16, 0.005, "adam", 0.9, 0, 42, 0, false);
  }

  @Test
  void mlpLearnsDigitsInOneEpoch() {
    FModel initial = Networks.create("mlp", 42);
    StringBuilder log = new StringBuilder();
    Trainer.Result r = Trainer.train(initial, train.images(), train.labels(), test.images(), test.labels(),
        oneEpoch(), s -> log.append(s).append('\n'));
    assertTrue(r.heldOutAccuracy() > 0.80, "held-out accuracy " + r.heldOutAccuracy());
    assertEquals(1, r.epochs().size());
    assertTrue(log.toString().startsWith("epoch 1/1: train loss "), log.toString());
    assertEquals(initial.params().keySet(), r.model().params().keySet(), "same parameters, same order");
    assertFalse(java.util.Arrays.equals(initial.params().get("dense0_weight").data(),
        r.model().params().get("dense0_weight").data()));
    // the returned parameters are the ones MXNet evaluated with
    try (DjlRunner runner = DjlRunner.load(r.model())) {
      assertEquals(r.heldOutAccuracy(), Trainer.accuracy(runner, test.images(), test.labels()));
    }
    // same seed, same run: within 0.3 points (MXNet's CPU kernels are not promised to be bit-exact)
    Trainer.Result again = Trainer.train(initial, train.images(), train.labels(), test.images(), test.labels(),
        oneEpoch(), s -> { });
    assertEquals(r.heldOutAccuracy(), again.heldOutAccuracy(), 0.003);
  }

  @Test
  void batchNormMovingStatisticsComeBackFromMxnet() {
    FGraphBuilder g = new FGraphBuilder();
    Entry x = g.variable("data");
    Entry c = g.op("Convolution", "conv0", Map.of("kernel", "(3, 3)", "num_filter", "4", "stride", "(2, 2)",
        "no_bias", "True"), x, g.variable("conv0_weight"));
    Entry bn = g.op("BatchNorm", "batchnorm0", Map.of("eps", "1e-05", "fix_gamma", "False", "momentum", "0.9"), c,
        g.variable("batchnorm0_gamma"), g.variable("batchnorm0_beta"), g.variable("batchnorm0_moving_mean"),
        g.variable("batchnorm0_moving_var"));
    Entry relu = g.op("Activation", "relu0", Map.of("act_type", "relu"), bn);
    Entry flat = g.op("Flatten", "flatten0", Map.of(), relu);
    Entry fc = g.op("FullyConnected", "dense0", Map.of("num_hidden", "10"), flat, g.variable("dense0_weight"),
        g.variable("dense0_bias"));
    float[] w = new float[4 * 9];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 7 - 3) / 10f;
    }
    FModel initial = new FModel(g.build(List.of(fc)), Map.of(
        "conv0_weight", new FTensor(Shape.of(4, 1, 3, 3), w),
        "batchnorm0_gamma", FTensor.of(Shape.of(4), 1, 1, 1, 1),
        "batchnorm0_beta", FTensor.of(Shape.of(4), 0, 0, 0, 0),
        "batchnorm0_moving_mean", FTensor.of(Shape.of(4), 0, 0, 0, 0),
        "batchnorm0_moving_var", FTensor.of(Shape.of(4), 1, 1, 1, 1),
        "dense0_weight", FTensor.zeros(Shape.of(10, 4 * 13 * 13)),
        "dense0_bias", FTensor.zeros(Shape.of(10))));
    Dataset small = train.batch(0, 320);
    Trainer.Result r = Trainer.train(initial, small.images(), small.labels(), test.batch(0, 100).images(),
        test.batch(0, 100).labels(), new TrainOptions(1, 32, 0.01, "sgd", 0.9, 0, 1, 0, false), s -> { });
    assertTrue(r.auxStatesUpdated());
    float[] mean = r.model().params().get("batchnorm0_moving_mean").data();
    float[] var = r.model().params().get("batchnorm0_moving_var").data();
    for (int ch = 0; ch < 4; ch++) {
      // 10 updates of momentum 0.9 move the statistics 1 - 0.9^10 = 65% of the way to the batch values
      assertNotEquals(0f, mean[ch], "moving_mean[" + ch + "]");
      assertNotEquals(1f, var[ch], "moving_var[" + ch + "]");
      assertTrue(var[ch] > 0, "moving_var[" + ch + "] = " + var[ch]);
    }
  }

  @Test
  void rejectsMismatchedData() {
    FModel m = Networks.create("mlp", 1);
    MrtException e = assertThrows(MrtException.class, () -> Trainer.train(m, train.images(), new int[3],
        test.images(), test.labels(), oneEpoch(), s -> { }));
    assertTrue(e.getMessage().contains("3 labels"), e.getMessage());
  }
}
