package org.cvmj.mrt.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cvmj.cvm.cli.CvmCli;
import org.cvmj.mrt.config.MrtConfig;
import org.cvmj.mrt.data.Datasets;
import org.cvmj.mrt.data.Zoo;
import org.cvmj.mrt.pipeline.QuantizeJob;
import org.cvmj.mrt.pipeline.QuantizeResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every zoo model, quantized from its config as a user would, gives the same output bytes from
 * {@code cvm mips infer} (the CVM guest in the MIPS VM) as from {@code cvm run} (the Java runtime).
 */
class ZooOnMipsTest {
  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private static Result cvm(String... args) {
    CommandLine cl = CvmCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Result(cl.execute(args), out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mnist", "mnist_lenet", "mnist_mlp", "mnist_resnet", "fashion_mnist"})
  void mipsInferWritesTheBytesOfCvmRun(String config) throws Exception {
    if (config.startsWith("fashion")) {
      assumeTrue(Files.isDirectory(Datasets.FASHION_MNIST_DIR),
          "SKIPPED: Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
    }
    MrtConfig cfg = MrtConfig.load(Zoo.resolveConfig("model_zoo/" + config + ".ini"));
    QuantizeResult q = QuantizeJob.run(cfg, Optional.of(dir.resolve(config)), false);
    String model = q.outputDir().toString();
    String input = q.outputDir().resolve(QuantizeJob.SAMPLE_FILE).toString();

    Path runOut = dir.resolve("run.bin");
    Result run = cvm("run", "--model", model, "--input", input, "--output", runOut.toString());
    assertEquals(0, run.code(), run.err());
    Path mipsOut = dir.resolve("mips.bin");
    Result mips = cvm("mips", "infer", "--model", model, "--input", input, "--output", mipsOut.toString(), "--json");
    assertEquals(0, mips.code(), mips.err());

    byte[] expected = Files.readAllBytes(runOut);
    assertTrue(expected.length > 0);
    assertArrayEquals(expected, Files.readAllBytes(mipsOut), config);
    JsonNode json = new ObjectMapper().readTree(mips.out());
    assertEquals(run.out().strip(), json.get("output").toString().replace(",", ", "), config);
    assertTrue(json.get("steps").asLong() > 100_000, config + " ran " + json.get("steps"));
    assertEquals(66, json.get("initialStateHash").asText().length());
    assertEquals(66, json.get("finalStateHash").asText().length());
  }
}
