package org.cvmj.mrt.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.cvmj.mrt.data.DatasetKind;
import org.cvmj.mrt.data.Normalization;
import org.cvmj.mrt.data.Zoo;
import org.junit.jupiter.api.Test;

/** Every config shipped in model-zoo/model_zoo loads, and mnist.ini says what MRT's mnist.ini says. */
class ZooConfigsTest {
  private static final Path ZOO = Zoo.root().resolve("model_zoo");

  @Test
  void everyZooConfigLoads() throws IOException {
    List<Path> configs;
    try (Stream<Path> s = Files.list(ZOO)) {
      configs = s.filter(p -> p.toString().endsWith(".ini")).sorted().toList();
    }
    assertEquals(List.of("fashion_mnist.ini", "mnist.ini", "mnist_lenet.ini", "mnist_mlp.ini", "mnist_resnet.ini"),
        configs.stream().map(p -> p.getFileName().toString()).toList());
    Map<String, String> networks = Map.of("mnist_dapp", "dapp", "mnist_lenet", "lenet", "mnist_mlp", "mlp",
        "fashion_mnist_dapp", "dapp", "mnist_resnet20", "resnet20");
    for (Path p : configs) {
      MrtConfig c = MrtConfig.load(p);
      assertEquals(networks.get(c.modelName()), c.training().network(), p.toString());
      assertEquals(Zoo.root().resolve("models").normalize(), c.modelDir().normalize(), p.toString());
      assertArrayEquals(new int[] {-1, 1, 28, 28}, c.inputShape(), p.toString());
      assertTrue(c.evaluation().enabled(), p.toString());
    }
  }

  @Test
  void mnistIni() {
    MrtConfig c = MrtConfig.load(Zoo.resolveConfig("model_zoo/mnist.ini"));
    assertEquals("mnist_dapp", c.modelName());
    assertEquals(20, c.verbosity());
    assertEquals(DatasetKind.MNIST, c.calibration().dataset().kind());
    assertEquals(Optional.empty(), c.calibration().dataset().dir());
    assertEquals(Normalization.DEFAULT, c.calibration().dataset().normalization());
    assertEquals(16, c.calibration().batch());
    assertEquals(1, c.calibration().batches());
    assertEquals(8, c.quantization().inputPrecision());
    assertEquals(OptionalInt.of(8), c.quantization().outputPrecision());
    assertEquals(new Evaluation(100, OptionalInt.empty(), "test", true), c.evaluation());
    assertEquals(1, c.compilation().batch());
  }

  @Test
  void fashionIni() {
    MrtConfig c = MrtConfig.load(ZOO.resolve("fashion_mnist.ini"));
    assertEquals("fashion_mnist_dapp", c.modelName());
    assertEquals(DatasetKind.FASHION_MNIST, c.calibration().dataset().kind());
  }
}
