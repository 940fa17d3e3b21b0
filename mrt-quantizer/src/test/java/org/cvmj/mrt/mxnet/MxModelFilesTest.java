package org.cvmj.mrt.mxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MxModelFilesTest {
  @TempDir
  Path dir;

  private static FModel cnnModel() {
    FGraph g = TestGraphs.cnn();
    Map<String, FTensor> p = new LinkedHashMap<>();
    p.put("conv0_weight", FTensor.of(Shape.of(4, 1, 1, 1), 1, 2, 3, 4));
    p.put("conv0_bias", FTensor.of(Shape.of(4), 0.5f, -0.5f, 0, 1));
    p.put("bn0_gamma", FTensor.of(Shape.of(4), 1, 1, 1, 1));
    p.put("bn0_beta", FTensor.of(Shape.of(4), 0, 0, 0, 0));
    p.put("bn0_moving_mean", FTensor.of(Shape.of(4), 0.1f, 0.2f, 0.3f, 0.4f));
    p.put("bn0_moving_var", FTensor.of(Shape.of(4), 1, 2, 3, 4));
    p.put("fc0_weight", FTensor.of(Shape.of(1, 4), 1, 0, 0, 1));
    return new FModel(g, p); // fc0_bias, fc1_* and data stay inputs
  }

  @Test
  void modelRoundTripsThroughMrtNaming() throws IOException {
    FModel m = cnnModel();
    MxModelFiles.write(m, dir, "cnn");
    assertEquals(Set.of("cnn.json", "cnn.params"), listing());

    FModel back = MxModelFiles.read(dir, "cnn");
    assertEquals(m.graph(), back.graph());
    assertEquals(List.copyOf(m.params().keySet()), List.copyOf(back.params().keySet()));
    for (String k : m.params().keySet()) {
      assertEquals(m.params().get(k).shape(), back.params().get(k).shape(), k);
      assertArrayEquals(m.params().get(k).data(), back.params().get(k).data(), k);
    }
    assertEquals(List.of("data", "fc0_bias", "fc1_weight", "fc1_bias"), back.inputNames());

    // The BatchNorm statistics, and only they, are written as aux.
    MxParams raw = MxParamsReader.read(dir.resolve("cnn.params"));
    assertEquals(Set.of("bn0_moving_mean", "bn0_moving_var"), raw.aux());
    String bytes = new String(Files.readAllBytes(dir.resolve("cnn.params")), StandardCharsets.ISO_8859_1);
    assertTrue(bytes.contains("arg:conv0_weight") && bytes.contains("aux:bn0_moving_var")
        && !bytes.contains("arg:bn0_moving_mean"));
    assertEquals(MxSymbolWriter.write(m.graph()), Files.readString(dir.resolve("cnn.json")));
  }

  @Test
  void overwritingReplacesBothFilesAndLeavesNoTemporaries() throws IOException {
    MxModelFiles.write(cnnModel(), dir, "m");
    FModel smaller = new FModel(TestGraphs.cnn(), Map.of("fc0_weight", FTensor.of(Shape.of(1, 4), 9, 9, 9, 9)));
    MxModelFiles.write(smaller, dir.resolve("m.json"), dir.resolve("m.params"));
    assertEquals(Set.of("m.json", "m.params"), listing());
    assertEquals(List.of("fc0_weight"), List.copyOf(MxModelFiles.read(dir, "m").params().keySet()));
  }

  @Test
  void failedWriteLeavesTheOldModelAndNoTemporaries() throws IOException {
    MxModelFiles.write(cnnModel(), dir, "m");
    byte[] before = Files.readAllBytes(dir.resolve("m.params"));
    FModel scalar = new FModel(TestGraphs.cnn(), Map.of("fc0_weight", FTensor.of(Shape.of(), 1)));
    assertThrows(MrtException.class, () -> MxModelFiles.write(scalar, dir, "m"));
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("m.params")));
    assertEquals(Set.of("m.json", "m.params"), listing());
  }

  @Test
  void paramThatIsNotAVariableIsNamed() throws IOException {
    MxModelFiles.write(cnnModel(), dir, "m");
    Files.write(dir.resolve("m.params"),
        MxParamsWriter.write(Map.of("conv9_weight", FTensor.of(Shape.of(1), 1)), Set.of()));
    MrtException e = assertThrows(MrtException.class, () -> MxModelFiles.read(dir, "m"));
    assertTrue(e.getMessage().contains("'conv9_weight'") && e.getMessage().contains("m.params")
        && e.getMessage().contains("m.json"), e.getMessage());
  }

  @Test
  void missingFileIsAnMrtException() {
    MrtException e = assertThrows(MrtException.class, () -> MxModelFiles.read(dir, "absent"));
    assertTrue(e.getMessage().contains("absent.json"), e.getMessage());
  }

  private Set<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return Set.copyOf(s.map(p -> p.getFileName().toString()).toList());
    }
  }
}
