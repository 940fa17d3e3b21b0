package org.cvmj.uploader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.cvmj.uploader.TestModels;
import org.cvmj.uploader.cli.UploadCli;
import org.junit.jupiter.api.Test;

/** {@code upload bench}'s command line: help and the errors it gives before it starts anything. */
class BenchCommandTest {
  /** What one command printed and returned. */
  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = UploadCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheOptions() {
    Run r = run("bench", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: upload bench [-hV]"), r.out());
    for (String option : new String[] {"--model=DIR", "--rpc=URL", "--rounds=N", "--calls=N", "--upload-mb=MB"}) {
      assertTrue(r.out().contains(option), option + " in " + r.out());
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run unknown = run("bench", "--frobnicate");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
    Run zero = run("bench", "--model", TestModels.mnist().toString(), "--rounds", "0");
    assertEquals(2, zero.code());
    assertTrue(zero.err().contains("--rounds and --calls must be at least 1"), zero.err());
    Run notANumber = run("bench", "--calls", "many");
    assertEquals(2, notANumber.code());
    assertTrue(notANumber.err().contains("--calls"), notANumber.err());
  }

  @Test
  void aMissingModelSaysHowToMakeIt() {
    Run r = run("bench", "--model", "no-such-dir");
    assertEquals(UploadCli.INVALID, r.code());
    assertTrue(r.err().contains("no model at no-such-dir; make it with `bin/mrt quantize model_zoo/mnist.ini"),
        r.err());
  }

  /** The shared check (cvm-chain's LoopbackUrl, tested there for non-loopback hosts) guards this command too. */
  @Test
  void onlyLoopbackNodesAreLoaded() {
    Run https = run("bench", "--model", TestModels.mnist().toString(), "--rpc", "https://127.0.0.1:8545/");
    assertEquals(UploadCli.INVALID, https.code());
    assertTrue(https.err().contains("expected an http URL"), https.err());
  }
}
