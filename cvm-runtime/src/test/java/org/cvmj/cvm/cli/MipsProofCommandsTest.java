package org.cvmj.cvm.cli;

import static org.cvmj.cvm.cli.CliResult.cvm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.cvm.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cvm mips infer}, {@code state} and {@code verify} on the embedded demo model, as a user runs them. */
class MipsProofCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private static JsonNode infer() throws Exception {
    CliResult r = cvm("mips", "infer", "--json");
    assertEquals(0, r.code(), r.err());
    return JSON.readTree(r.out());
  }

  @Test
  void inferPrintsWhatRunPrintsAndDeterministicStateHashes() throws Exception {
    CliResult run = cvm("run");
    CliResult text = cvm("mips", "infer");
    assertEquals(0, text.code(), text.err());
    String[] lines = text.out().strip().split("\\R");
    assertEquals(run.out().strip(), lines[0]);
    assertTrue(lines[1].matches("steps: [0-9]+"), lines[1]);
    JsonNode a = infer();
    JsonNode b = infer();
    assertEquals(a, b);
    assertEquals("steps: " + a.get("steps").asLong(), lines[1]);
    assertTrue(lines[2].endsWith(a.get("initialStateHash").asText()), lines[2]);
  }

  @Test
  void inferOnTheResNet20FixtureWritesTheBytesOfRun() throws Exception {
    Path dir = Fixtures.resnet20();
    String model = dir.toString();
    String input = dir.resolve("input.bin").toString();
    Path runOut = tmp.resolve("run.bin");
    Path mipsOut = tmp.resolve("mips.bin");
    assertEquals(0, cvm("run", "-m", model, "-i", input, "-o", runOut.toString()).code());
    CliResult r = cvm("mips", "infer", "-m", model, "-i", input, "-o", mipsOut.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(Files.readAllBytes(dir.resolve("expected_output.bin")), Files.readAllBytes(mipsOut));
    assertArrayEquals(Files.readAllBytes(runOut), Files.readAllBytes(mipsOut));
  }

  @Test
  void stateAtZeroAndAtTheEndAreTheInferencesHashes() throws Exception {
    JsonNode inf = infer();
    long steps = inf.get("steps").asLong();
    CliResult first = cvm("mips", "state", "--step", "0");
    assertEquals("step 0: state hash " + inf.get("initialStateHash").asText(), first.out().strip());
    CliResult last = cvm("mips", "state", "--step", Long.toString(steps), "--checkpoint-interval", "100000");
    assertEquals("step " + steps + ": state hash " + inf.get("finalStateHash").asText() + " (exited with code 0)",
        last.out().strip());
    CliResult beyond = cvm("mips", "state", "--step", Long.toString(steps + 1));
    assertEquals(2, beyond.code());
    assertTrue(beyond.err().contains("exits at step " + steps), beyond.err());
  }

  @Test
  void aWitnessVerifiesAndATamperedOneDoesNot() throws Exception {
    Path cache = tmp.resolve("cache");
    CliResult r = cvm("mips", "state", "--step", "123457", "--witness", "--checkpoint-interval", "50000",
        "--cache", cache.toString());
    assertEquals(0, r.code(), r.err());
    ObjectNode w = (ObjectNode) JSON.readTree(r.out());
    assertEquals(123457, w.get("step").asLong());
    CliResult after = cvm("mips", "state", "--step", "123458", "--cache", cache.toString(),
        "--checkpoint-interval", "50000");
    assertTrue(after.out().contains(w.get("postStateHash").asText()), after.out());
    try (var dirs = Files.list(cache)) {
      Path runDir = dirs.findFirst().orElseThrow();
      assertTrue(Files.exists(runDir.resolve("100000.snap")));
    }

    Path file = tmp.resolve("w.json");
    Files.writeString(file, r.out());
    CliResult ok = cvm("mips", "verify", file.toString());
    assertEquals(0, ok.code(), ok.err());
    assertEquals("step 123457 verified: post-state hash " + w.get("postStateHash").asText(), ok.out().strip());

    ObjectNode wrongClaim = w.deepCopy();
    wrongClaim.put("postStateHash", w.get("preStateHash").asText());
    Files.writeString(file, wrongClaim.toString());
    assertEquals(1, cvm("mips", "verify", file.toString()).code());

    ObjectNode badProof = w.deepCopy();
    String proof = w.get("instructionProof").asText();
    badProof.put("instructionProof", proof.substring(0, 100) + (proof.charAt(100) == '0' ? '1' : '0')
        + proof.substring(101));
    Files.writeString(file, badProof.toString());
    CliResult rejected = cvm("mips", "verify", file.toString());
    assertEquals(2, rejected.code());
    assertTrue(rejected.err().contains("does not match the memory root"), rejected.err());

    assertEquals(2, cvm("mips", "verify", "--pre", "0x12", tmp.resolve("w.json").toString()).code());
  }
}
