package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
  @TempDir
  Path tmp;

  /** A loop of about 3,000 steps that keeps rewriting memory, so snapshots differ. */
  private static Machine loop() {
    Random rnd = new Random(5);
    Asm a = new Asm().li(16, 0x10000000).addiu(8, 0, 500);
    a.lw(9, 16, 0).addu(9, 9, 8).sw(9, 16, 0).addiu(16, 16, 4).addiu(8, 8, -1).bne(8, 0, -6).nop();
    Machine m = a.exit(rnd.nextInt(100)).machine(0x00400000);
    return m;
  }

  private static byte[] hashAt(long k) throws MipsException {
    Machine m = loop();
    m.runTo(k);
    return m.stateHash();
  }

  @Test
  void anyStepFromMemorySnapshotsEqualsAStraightRun() throws Exception {
    Checkpoints c = new Checkpoints(loop(), 700, null);
    for (long k : new long[] {2500, 3, 1400, 1401, 700, 0, 2999}) {
      Machine m = c.at(k);
      assertEquals(k, m.steps());
      assertArrayEquals(hashAt(k), m.stateHash(), "step " + k);
    }
    assertEquals(5, c.inMemory()); // steps 0, 700, 1400, 2100, 2800
  }

  @Test
  void snapshotsInACacheDirectoryServeALaterProcess() throws Exception {
    new Checkpoints(loop(), 1000, tmp).at(2500);
    Path dir;
    try (var list = Files.list(tmp)) {
      dir = list.findFirst().orElseThrow();
    }
    assertTrue(Files.exists(dir.resolve("2000.snap")));
    Checkpoints later = new Checkpoints(loop(), 1000, tmp);
    assertArrayEquals(hashAt(2222), later.at(2222).stateHash());
  }

  @Test
  void aDamagedSnapshotIsRefused() throws Exception {
    Machine m = loop();
    m.runTo(1000);
    Path file = tmp.resolve("1000.snap");
    SnapshotFile.write(m, file);
    assertArrayEquals(m.stateHash(), SnapshotFile.read(file).stateHash());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    MipsException e = assertThrows(MipsException.class, () -> SnapshotFile.read(file));
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    Files.write(file, java.util.Arrays.copyOf(bytes, 100));
    assertThrows(MipsException.class, () -> SnapshotFile.read(file));
  }

  @Test
  void aRunThatEndsEarlyStopsAtItsExit() throws MipsException, IOException {
    Machine m = new Checkpoints(loop(), 1000, null).at(1_000_000);
    assertTrue(m.exited());
    assertTrue(m.steps() < 1_000_000);
  }
}
