package org.cvmj.chain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.chain.ChainFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cvm-chain statetest} as a user runs it: output lines and exit codes. */
class StateTestCommandTest {
  private static final String ROOT = "0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530";

  private record Result(int code, String out, String err) {}

  private static Result cvmChain(String... args) {
    CommandLine cl = ChainCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Path add11() {
    return ChainFixtures.ethereumTests("GeneralStateTests").resolve("stExample/add11.json");
  }

  @Test
  void passingFileEndsWithTheSummaryAndExitsZero() {
    Result r = cvmChain("statetest", add11().toString());
    assertEquals("1 passed, 0 failed\n", r.out());
    assertEquals("", r.err());
    assertEquals(0, r.code());
  }

  @Test
  void corruptedRootIsReportedAsAFailingCase(@TempDir Path dir) throws Exception {
    String json = Files.readString(add11(), StandardCharsets.UTF_8);
    assertTrue(json.contains(ROOT));
    String wrong = "0x" + "11".repeat(32);
    Path copy = dir.resolve("add11-corrupt.json");
    Files.writeString(copy, json.replace(ROOT, wrong), StandardCharsets.UTF_8);
    Result r = cvmChain("statetest", copy.toString());
    assertEquals(copy + " add11 d0g0v0: state root " + ROOT + ", expected " + wrong
        + " (SUCCESS, gas used 43112)\n0 passed, 1 failed\n", r.out());
    assertEquals(ChainCli.FAILED, r.code());
  }

  @Test
  void directoriesAreWalkedAndNamedRelativeToTheArgument(@TempDir Path dir) throws Exception {
    Files.copy(add11(), dir.resolve("a.json"));
    Files.writeString(dir.resolve("notes.txt"), "not a test");
    Result r = cvmChain("statetest", dir.toString());
    assertEquals("1 passed, 0 failed\n", r.out());
    assertEquals(0, r.code());
  }

  @Test
  void malformedAndMissingFilesAreClearErrors(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"t\": [1, 2");
    Result r = cvmChain("statetest", bad.toString());
    assertEquals(ChainCli.ERROR, r.code());
    assertTrue(r.err().startsWith("cvm-chain: " + bad + " is not valid JSON"), r.err());

    Path noPre = dir.resolve("nopre.json");
    Files.writeString(noPre, "{\"t\": {\"env\": {}}}");
    r = cvmChain("statetest", noPre.toString());
    assertEquals(ChainCli.ERROR, r.code());
    assertEquals("cvm-chain: " + noPre + ": test t is malformed: field 'pre' is missing\n", r.err());

    r = cvmChain("statetest", dir.resolve("absent.json").toString());
    assertEquals(ChainCli.ERROR, r.code());
    assertTrue(r.err().contains("no such file or directory"), r.err());

    r = cvmChain("statetest");
    assertEquals(ChainCli.ERROR, r.code());
    assertTrue(r.err().contains("Missing required parameter"), r.err());
  }
}
