package org.cvmj.cvm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.cvmj.cvm.cli.CliResult.cvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.cvm.Fixtures;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.format.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cvm commands as a user runs them: output, files and exit codes 0 / 1 (invalid) / 2 (I/O, usage). */
class CvmCliTest {
  @TempDir
  Path tmp;


  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"run", "inspect", "verify", "bench", "demo"}) {
      CliResult r = cvm(cmd, "--help");
      assertEquals(0, r.code(), cmd);
      assertTrue(r.out().contains("Usage: cvm " + cmd), r.out());
    }
    assertEquals(0, cvm("--help").code());
  }

  @Test
  void runWithoutArgumentsUsesTheEmbeddedDemo() {
    CliResult r = cvm("run");
    assertEquals(0, r.code(), r.err());
    assertEquals("[-19, 5, 3, -7, 46, 13, -45, 5, 4, -13]", r.out().strip());
  }

  @Test
  void runOnTheFixtureWritesTheReferenceBytes() throws Exception {
    Path dir = Fixtures.resnet20();
    Path out = tmp.resolve("out.bin");
    CliResult r = cvm("run", "--model", dir.toString(), "--input", dir.resolve("input.bin").toString(),
        "--output", out.toString(), "--threads", "2");
    assertEquals(0, r.code(), r.err());
    assertEquals("[20, 53, -18, -4, -48, -17, -32, -29, -14, 89]", r.out().strip());
    assertArrayEquals(Files.readAllBytes(dir.resolve("expected_output.bin")), Files.readAllBytes(out));
  }

  @Test
  void npyInputAndOutput() throws Exception {
    Path model = tmp.resolve("demo");
    assertEquals(0, cvm("demo", "--out", model.toString()).code());
    byte[] raw = Files.readAllBytes(model.resolve("input.bin"));
    int[] values = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      values[i] = raw[i];
    }
    Path in = tmp.resolve("in.npy");
    Files.write(in, Npy.write(org.cvmj.cvm.tensor.Shape.of(1, 1, 16, 16), values, 4));
    Path out = tmp.resolve("out.npy");
    CliResult r = cvm("run", "-m", model.toString(), "-i", in.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(new int[] {-19, 5, 3, -7, 46, 13, -45, 5, 4, -13}, Npy.read(Files.readAllBytes(out)).values());
  }

  @Test
  void invalidInputExitsWithOne() throws Exception {
    Path model = tmp.resolve("demo");
    cvm("demo", "--out", model.toString());
    Path bad = tmp.resolve("short.bin");
    Files.write(bad, new byte[10]);
    CliResult r = cvm("run", "-m", model.toString(), "-i", bad.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("input has 10 bytes; the model takes 256"), r.err());
  }

  @Test
  void invalidModelExitsWithOneAndNamesTheNode() throws Exception {
    Path model = tmp.resolve("demo");
    cvm("demo", "--out", model.toString());
    String symbol = Files.readString(model.resolve("symbol"));
    Files.writeString(model.resolve("symbol"), symbol.replace("\\\"shift_bit\\\":\\\"10\\\"", "\\\"shift_bit\\\":\\\"40\\\""));
    CliResult r = cvm("verify", "-m", model.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("[op-attrs] cvm_right_shift: shift_bit 40 must be in 1..32"), r.err());
    assertTrue(r.err().matches("(?s).*node \\d+ 'cvm_right_shift_\\d'.*"), r.err());
  }

  @Test
  void missingFilesExitWithTwo() {
    CliResult r = cvm("inspect", "-m", tmp.resolve("nowhere").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
    assertEquals(2, cvm("run", "--threads", "x").code(), "usage error");
  }

  @Test
  void inspectReportsGasAndHistogram() throws Exception {
    CliResult r = cvm("inspect", "--json", "-m", Fixtures.resnet20().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"gas\" : 137396206"), r.out());
    assertTrue(r.out().contains("\"storageBytes\" : 1299096"), r.out());
    assertTrue(r.out().contains("\"conv2d\" : 32"), r.out());
    CliResult text = cvm("inspect");
    assertEquals(0, text.code());
    assertTrue(text.out().contains("gas (GetOps):"), text.out());
  }
}
