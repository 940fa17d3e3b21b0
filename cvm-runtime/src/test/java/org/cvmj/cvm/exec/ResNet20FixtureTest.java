package org.cvmj.cvm.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.cvmj.cvm.Fixtures;
import org.cvmj.cvm.format.ParamsReader;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.model.Gas;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.Node;
import org.junit.jupiter.api.Test;

/** The real MRT model from Cortex's repository: byte-exact output, gas and storage size. */
class ResNet20FixtureTest {

  @Test
  void outputMatchesTheReferenceRuntimeForEveryThreadCount() throws Exception {
    Path dir = Fixtures.resnet20();
    Model model = Model.load(dir);
    byte[] input = Files.readAllBytes(dir.resolve("input.bin"));
    byte[] expected = Files.readAllBytes(dir.resolve("expected_output.bin"));
    assertArrayEquals(new byte[] {20, 53, -18, -4, -48, -17, -32, -29, -14, 89}, expected);
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    for (int threads = 1; threads <= 4; threads++) {
      try (Executor ex = new Executor(model, threads)) {
        for (int run = 0; run < 2; run++) {
          byte[] out = codec.encodeOutput(ex.run(codec.decodeInput(input)));
          assertArrayEquals(expected, out, "threads=" + threads + " run=" + run);
        }
      }
    }
  }

  @Test
  void gasStorageAndIoSizesMatchTheReference() throws Exception {
    Model model = Model.load(Fixtures.resnet20());
    assertEquals(137_396_206L, Gas.ops(model.graph()));
    assertEquals(1_299_096L, Gas.storageBytes(model.graph()));
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    assertEquals(3072, codec.inputLength());
    assertEquals(1, codec.inputTypeSize());
    assertEquals(10, codec.outputLength());
    assertEquals(1, codec.outputTypeSize());
  }

  @Test
  void structureMatchesTheFixtureDescription() throws Exception {
    Model model = Model.load(Fixtures.resnet20());
    assertEquals(333, model.graph().nodes().size());
    Map<String, Integer> histogram = new TreeMap<>();
    for (Node n : model.graph().nodes()) {
      if (!n.isVariable()) {
        histogram.merge(n.op().name(), 1, Integer::sum);
      }
    }
    assertEquals(Map.of("cvm_right_shift", 68, "broadcast_mul", 54, "cvm_clip", 38, "conv2d", 32, "relu", 19,
        "elemwise_add", 9, "flatten", 2, "sum", 1, "dense", 1), histogram);
    assertEquals(108, model.params().size());
  }

  @Test
  void paramsRoundTripByteForByte() throws Exception {
    byte[] original = Files.readAllBytes(Fixtures.resnet20().resolve("params"));
    assertEquals(286_197, original.length);
    assertArrayEquals(original, ParamsWriter.write(ParamsReader.read(original)));
  }
}
