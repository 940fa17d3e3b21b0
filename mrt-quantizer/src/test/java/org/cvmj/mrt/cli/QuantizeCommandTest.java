package org.cvmj.mrt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.cvm.model.Model;
import org.cvmj.mrt.mxnet.MxModelFiles;
import org.cvmj.mrt.zoo.Networks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mrt quantize} as a user runs it: exit codes, messages, and the zoo's MNIST targets. */
class QuantizeCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MrtCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @BeforeEach
  void smallModel() throws Exception {
    MxModelFiles.write(Networks.create("mlp", 1), dir, "net");
  }

  private Path config(String... extraLines) throws Exception {
    StringBuilder s = new StringBuilder(String.join("\n", "[DEFAULT]", "Model_dir=.", "Model_name=net",
        "Input_shape=(-1, 1, 28, 28)", "[CALIBRATION]", "Dataset=mnist", "[EVALUATION]", "Iter_num=1", ""));
    for (String line : extraLines) {
      s.append(line).append('\n');
    }
    Path ini = dir.resolve("net.ini");
    Files.writeString(ini, s);
    return ini;
  }

  @Test
  void zooMnistMeetsTheAccuracyTargets() throws Exception {
    Path target = dir.resolve("mnist_cvm");
    assertEquals(0, run("quantize", "model_zoo/mnist.ini", "--output", target.toString(), "--json"), err.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(2000, j.get("samples").asInt());
    double fl = j.get("float_top1").asDouble();
    double q = j.get("quantized_top1").asDouble();
    assertTrue(fl >= 0.985, "float top-1 " + fl);
    assertTrue(fl - q <= 0.001, "quantized " + q + " vs float " + fl);
    assertTrue(j.get("agreement").asDouble() >= 0.99, j.toString());
    assertEquals(target.toString(), j.get("output_dir").asText());
    Model.load(target);
  }

  @Test
  void summaryNamesWhereEverythingWent() throws Exception {
    Path target = dir.resolve("out");
    assertEquals(0, run("quantize", config().toString(), "-o", target.toString()), err.toString());
    assertTrue(out.toString().contains("top-1 on 100 held-out images"), out.toString());
    assertTrue(out.toString().contains("model:  " + target), out.toString());
    assertTrue(Files.exists(target.resolve("report.md")));
  }

  @Test
  void missingConfigIsNamed() {
    assertEquals(MrtCli.INVALID, run("quantize", dir.resolve("nope.ini").toString()));
    assertTrue(err.toString().contains("nope.ini"), err.toString());
  }

  @Test
  void unknownKeyIsNamed() throws Exception {
    assertEquals(MrtCli.INVALID, run("quantize", config("[QUANTIZATION]", "Input_precison=8").toString()));
    assertTrue(err.toString().toLowerCase().contains("input_precison"), err.toString());
  }

  @Test
  void missingModelFileIsNamed() throws Exception {
    Files.delete(dir.resolve("net.params"));
    assertEquals(MrtCli.INVALID, run("quantize", config().toString()));
    assertTrue(err.toString().contains("net.params"), err.toString());
  }

  @Test
  void missingDatasetDirectoryIsNamed() throws Exception {
    Path ini = config();
    Files.writeString(ini, Files.readString(ini).replace("Dataset=mnist", "Dataset=idx\nDataset_dir=no_such_dir"));
    assertEquals(MrtCli.INVALID, run("quantize", ini.toString()));
    assertTrue(err.toString().contains("no_such_dir"), err.toString());
  }

  @Test
  void inputShapeMismatchIsNamed() throws Exception {
    Path ini = config();
    Files.writeString(ini, Files.readString(ini).replace("(-1, 1, 28, 28)", "(-1, 1, 32, 32)"));
    assertEquals(MrtCli.INVALID, run("quantize", ini.toString()));
    assertTrue(err.toString().contains("32"), err.toString());
  }

  @Test
  void aForeignOutputDirectoryIsNeverReplaced() throws Exception {
    Path foreign = dir.resolve("photos");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("holiday.jpg"), "not a model");
    assertEquals(MrtCli.INVALID, run("quantize", config().toString(), "-o", foreign.toString()));
    assertTrue(Files.exists(foreign.resolve("holiday.jpg")));
    assertFalse(Files.exists(dir.resolve(".photos.partial")));
    assertTrue(err.toString().contains("not a model directory"), err.toString());
  }
}
