package org.cvmj.cvm.cli;

import static org.cvmj.cvm.cli.CliResult.cvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.cvmj.cvm.mips.CrossTools;
import org.cvmj.cvm.mips.ElfProgram;
import org.cvmj.cvm.mips.Machine;
import org.cvmj.cvm.mips.TinyElf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cvm mips run} as a user runs it: the program's output and exit status, steps and state hash, errors. */
class MipsRunCommandTest {
  @TempDir
  Path tmp;


  private Path tiny() throws Exception {
    return Files.write(tmp.resolve("tiny.elf"), TinyElf.valid());
  }

  @Test
  void exitsWithTheProgramsStatusAndReportsStepsAndStateHash() throws Exception {
    Path elf = tiny();
    CliResult r = cvm("mips", "run", elf.toString());
    assertEquals(7, r.code(), r.err());
    assertEquals("", r.out());
    Machine m = Machine.boot(ElfProgram.parse(TinyElf.valid()), List.of(elf.toString()));
    m.run(10);
    String hash = "0x" + HexFormat.of().formatHex(m.stateHash());
    assertEquals("steps: 3\nstate hash: " + hash + "\n", r.err().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void jsonGoesToTheFileInsteadOfStderr() throws Exception {
    Path json = tmp.resolve("result.json");
    CliResult r = cvm("mips", "run", "--json", json.toString(), tiny().toString());
    assertEquals(7, r.code());
    assertEquals("", r.err());
    JsonNode o = new ObjectMapper().readTree(json.toFile());
    assertEquals(3, o.get("steps").asLong());
    assertTrue(o.get("exited").asBoolean());
    assertEquals(7, o.get("exitCode").asInt());
    assertTrue(o.get("stateHash").asText().matches("0x[0-9a-f]{64}"), o.toString());
  }

  @Test
  void passesArgumentsIncludingDashedOnesAndPrintsOutput() throws Exception {
    Path elf = CrossTools.build("args", "-O2");
    CliResult r = cvm("mips", "run", elf.toString(), "42", "-x", "--json");
    assertEquals(42, r.code(), r.err());
    assertEquals("argc 4\nargv[1] 2 42\nargv[2] 2 -x\nargv[3] 6 --json\n", r.out());
    assertTrue(r.err().matches("(?s)steps: \\d+\nstate hash: 0x[0-9a-f]{64}\n"), r.err());
  }

  @Test
  void readsStdinFromAFile() throws Exception {
    Path elf = CrossTools.build("sha256", "-O2");
    byte[] input = "the quick brown fox".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Path in = Files.write(tmp.resolve("in.txt"), input);
    CliResult r = cvm("mips", "run", "--stdin", in.toString(), elf.toString());
    assertEquals(0, r.code(), r.err());
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
    assertTrue(r.out().endsWith("sha256 stdin 19 = " + digest + "\n"), r.out());
  }

  @Test
  void stepLimit() throws Exception {
    Path json = tmp.resolve("limit.json");
    CliResult r = cvm("mips", "run", "--max-steps", "2", "--json", json.toString(), tiny().toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("did not exit within 2 steps (raise --max-steps)"), r.err());
    JsonNode o = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, o.get("steps").asLong());
    assertTrue(o.get("exitCode").isNull());
  }

  @Test
  void invalidElfNamesFileFieldAndOffset() throws Exception {
    Path bad = Files.write(tmp.resolve("x86.elf"), TinyElf.put16(TinyElf.valid(), 18, 62));
    CliResult r = cvm("mips", "run", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(bad + ": invalid ELF: e_machine (byte 18) is 62"), r.err());
  }

  @Test
  void missingProgram() {
    CliResult r = cvm("mips", "run", tmp.resolve("nope.elf").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such file") && r.err().contains("nope.elf"), r.err());
  }

  @Test
  void vmErrorStopsWithStatus2AfterTheOutput() throws Exception {
    Path elf = CrossTools.build("trap", "-O2");
    CliResult r = cvm("mips", "run", elf.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("cvm mips run: " + elf + " stopped: "), r.err());
    assertTrue(r.err().contains("00000034"), "names the teq instruction: " + r.err());
  }

  @Test
  void help() {
    CliResult r = cvm("mips", "run", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: cvm mips run"), r.out());
    CliResult parent = cvm("mips", "--help");
    assertEquals(0, parent.code());
    assertTrue(parent.out().contains("run") && parent.out().contains("infer"), parent.out());
    assertEquals(2, cvm("mips").code());
  }
}
