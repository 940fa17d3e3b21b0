package org.cvmj.chain.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cvmj.chain.crypto.Hash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing blocks with SIGKILL and checks that every block it reported as written is
 * in the database, that the database is consistent, and that a new process continues from the head. The child
 * ({@link CrashWriter}) stops by itself after {@link #CHILD_LIMIT} blocks, so nothing here waits on a clock.
 */
class CrashSafetyTest {
  private static final int ROUNDS = 3;
  private static final int BLOCKS_BEFORE_KILL = 25;
  private static final int CHILD_LIMIT = 1000;

  @TempDir Path tmp;

  @Test
  void killNineLosesNoReportedBlock() throws Exception {
    Path data = tmp.resolve("chain");
    long expectedStart = -1; // "none"
    for (int round = 0; round < ROUNDS; round++) {
      Path stderr = tmp.resolve("child-" + round + ".err");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), data.toString(),
          Integer.toString(CHILD_LIMIT));
      pb.redirectError(stderr.toFile());
      Process child = pb.start();
      Map<Long, Hash> reported = new LinkedHashMap<>();
      String start;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.US_ASCII))) {
        start = out.readLine();
        String line;
        while (reported.size() < BLOCKS_BEFORE_KILL && (line = out.readLine()) != null) {
          String[] parts = line.split(" ");
          reported.put(Long.parseLong(parts[1]), Hash.fromHex(parts[2]));
        }
        child.destroyForcibly();
        child.waitFor();
      }
      assertEquals(BLOCKS_BEFORE_KILL, reported.size(),
          "the child stopped early: " + Files.readString(stderr));
      assertEquals("start " + (expectedStart < 0 ? "none" : Long.toString(expectedStart)), start);
      assertEquals(137, child.exitValue(), "the child was killed by SIGKILL (128 + 9)");

      try (ChainDatabase db = ChainDatabase.open(data, TestChain.CHAIN_ID)) {
        for (Map.Entry<Long, Hash> e : reported.entrySet()) {
          assertEquals(e.getValue(), db.canonicalHash(e.getKey()).orElseThrow(
              () -> new AssertionError("reported block " + e.getKey() + " is lost")));
        }
        long head = TestChain.checkConsistent(db);
        long lastReported = expectedStart + BLOCKS_BEFORE_KILL;
        // The child may have written (and reported unread) more blocks before the kill landed, and the one it
        // was writing then may or may not have made it; checkConsistent showed that no block is half there.
        assertTrue(head >= lastReported, "head " + head + " is behind the last reported block " + lastReported);
        expectedStart = head;
      }
    }
  }
}
