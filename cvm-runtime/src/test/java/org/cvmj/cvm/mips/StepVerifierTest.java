package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The verifier against the interpreter: for random programs and steps k, verifying the witness of step k
 * gives the interpreter's state hash at k + 1, and a witness with any one bit flipped is rejected.
 */
class StepVerifierTest {
  private static final int BASE = 0x00400000;
  private static final int DATA = 0x10000000;

  @Test
  void witnessesOfRandomProgramsVerifyToTheInterpretersNextState() throws MipsException {
    int verified = 0;
    for (int seed = 0; seed < 40; seed++) {
      Random rnd = new Random(seed);
      Machine template = RandomPrograms.generate(rnd, BASE, DATA).machine(BASE);
      RandomPrograms.seedRegisters(template, rnd, DATA);
      Machine full = template.copy();
      full.run(100_000);
      assertTrue(full.exited(), "random program " + seed + " ends");
      for (int probe = 0; probe < 8; probe++) {
        long k = probe == 0 ? full.steps() - 1 : rnd.nextLong(full.steps());
        Machine m = template.copy();
        m.runTo(k);
        byte[] pre = m.stateHash();
        StepWitness w = m.proveStep();
        assertArrayEquals(pre, w.preStateHash());
        assertArrayEquals(m.stateHash(), StepVerifier.verify(pre, w), "seed " + seed + " step " + k);
        verified++;
      }
    }
    assertEquals(320, verified);
  }

  @Test
  void everySingleFlippedBitIsRejected() throws MipsException {
    Random rnd = new Random(99);
    Machine template = RandomPrograms.generate(rnd, BASE, DATA).machine(BASE);
    RandomPrograms.seedRegisters(template, rnd, DATA);
    int withData = 0;
    int withoutData = 0;
    for (int probe = 0; probe < 200 && (withData < 2 || withoutData < 1); probe++) {
      Machine m = template.copy();
      m.runTo(rnd.nextInt(150));
      byte[] pre = m.stateHash();
      StepWitness w = m.proveStep();
      boolean hasData = w.dataProof().length != 0;
      if (hasData ? withData == 2 : withoutData == 1) {
        continue;
      }
      withData += hasData ? 1 : 0;
      withoutData += hasData ? 0 : 1;
      byte[][] parts = {w.state(), w.instructionProof(), w.dataProof()};
      for (int part = 0; part < 3; part++) {
        for (int bit = 0; bit < parts[part].length * 8; bit++) {
          byte[][] flipped = {w.state(), w.instructionProof(), w.dataProof()};
          flipped[part][bit / 8] ^= (byte) (1 << (bit % 8));
          StepWitness bad = new StepWitness(flipped[0], flipped[1], flipped[2]);
          int p = part;
          int b = bit;
          assertThrows(MipsException.class, () -> StepVerifier.verify(pre, bad), () -> "part " + p + " bit " + b);
        }
      }
    }
    assertEquals(2, withData);
    assertEquals(1, withoutData);
  }

  @Test
  void missingOrSurplusDataProofsAreRejected() throws MipsException {
    Asm a = new Asm().li(16, DATA).lw(8, 16, 4).addiu(9, 8, 1).exit(0);
    Machine m = a.machine(BASE);
    m.run(2);
    byte[] pre = m.stateHash();
    StepWitness load = m.proveStep();
    assertThrows(MipsException.class,
        () -> StepVerifier.verify(pre, new StepWitness(load.state(), load.instructionProof(), new byte[0])));
    byte[] pre2 = m.stateHash();
    StepWitness alu = m.proveStep();
    assertEquals(0, alu.dataProof().length);
    MipsException e = assertThrows(MipsException.class,
        () -> StepVerifier.verify(pre2, new StepWitness(alu.state(), alu.instructionProof(), load.dataProof())));
    assertTrue(e.getMessage().contains("touches no data word"), e.getMessage());
  }

  @Test
  void anExitedMachineStepsToItself() throws MipsException {
    Machine m = new Asm().exit(3).machine(BASE);
    m.run(10);
    assertTrue(m.exited());
    assertEquals(3, m.exitCode());
    byte[] pre = m.stateHash();
    StepWitness w = m.proveStep();
    assertArrayEquals(pre, StepVerifier.verify(pre, w));
    assertEquals(3, m.steps());
  }
}
