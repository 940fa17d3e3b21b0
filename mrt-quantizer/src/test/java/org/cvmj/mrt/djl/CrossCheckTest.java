package org.cvmj.mrt.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.data.Dataset;
import org.cvmj.mrt.data.DatasetSpec;
import org.cvmj.mrt.data.Datasets;
import org.cvmj.mrt.data.Zoo;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.mxnet.MxModelFiles;
import org.cvmj.mrt.nn.FloatExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java float executor against libmxnet (through DJL) on the same MXNet files: every output agrees to
 * {@code max|java - mxnet| <= 1e-5 * max(max|mxnet|, 1e-3)}, i.e. a relative error of 1e-5 of the output's
 * scale, room for float32 sums taken in a different order (MXNet's MKL-DNN kernels block and vectorise).
 */
class CrossCheckTest {
  static final double TOLERANCE = 1e-5;
  private static Dataset digits;

  @BeforeAll
  static void digits() {
    digits = Datasets.load(DatasetSpec.mnist(), "test", Shape.of(1, 28, 28)).batch(0, 32);
  }

  static Stream<String> zooModels() {
    return Stream.of("mnist_dapp", "mnist_lenet", "mnist_mlp", "mnist_resnet20", "fashion_mnist_dapp");
  }

  static Stream<RandomModels.Case> randomModels() {
    return RandomModels.all().stream();
  }

  @ParameterizedTest
  @MethodSource("zooModels")
  void zooModelAgreesWithMxnet(String name) {
    Path dir = Zoo.root().resolve("models");
    assertTrue(Files.exists(dir.resolve(name + ".params")), "trained model " + name + " is committed");
    FModel model = MxModelFiles.read(dir, name);
    double err = compare(model, Map.of("data", digits.images()));
    System.out.printf("cross-check %s: relative error %.2e%n", name, err);
    assertTrue(err <= TOLERANCE, name + ": relative error " + err);
  }

  @ParameterizedTest
  @MethodSource("randomModels")
  void operatorsAgreeWithMxnet(RandomModels.Case c) {
    double err = compare(c.model(), Map.of("data", RandomModels.input(c.input(), 99)));
    System.out.printf("cross-check %s: relative error %.2e%n", c.name(), err);
    assertTrue(err <= TOLERANCE, c.name() + ": relative error " + err);
  }

  /** Runs both, checks shapes, returns the worst output's max|a-b| / max(max|b|, 1e-3). */
  static double compare(FModel model, Map<String, FTensor> inputs) {
    List<FTensor> java = FloatExecutor.of(model).forward(inputs);
    List<FTensor> mx;
    try (DjlRunner runner = DjlRunner.load(model)) {
      mx = runner.predict(inputs);
    }
    assertEquals(mx.size(), java.size(), "number of outputs");
    double worst = 0;
    for (int o = 0; o < mx.size(); o++) {
      FTensor a = java.get(o);
      FTensor b = mx.get(o);
      assertArrayEquals(b.shape().dims(), a.shape().dims(), "shape of output " + o);
      double diff = 0;
      for (int i = 0; i < a.data().length; i++) {
        diff = Math.max(diff, Math.abs(a.data()[i] - b.data()[i]));
      }
      worst = Math.max(worst, diff / Math.max(b.absMax(), 1e-3));
    }
    return worst;
  }
}
