package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.AccessListEntry;
import org.cvmj.chain.tx.IntrinsicGas;
import org.junit.jupiter.api.Test;

class OperationTableTest {
  @Test
  void cancunDefinesExactly149OpcodesEachInItsOwnRow() {
    int count = 0;
    for (int op = 0; op < 256; op++) {
      Operation o = OperationTable.CANCUN[op];
      if (o != null) {
        count++;
        assertEquals(op, o.opcode(), o.name());
      }
    }
    assertEquals(149, count);
    assertNull(OperationTable.CANCUN[0x0c]);
    assertNull(OperationTable.CANCUN[0x4b]);
    assertNull(OperationTable.CANCUN[0xf6]);
    assertEquals("PUSH0", OperationTable.name(0x5f));
    assertEquals("MCOPY", OperationTable.name(0x5e));
    assertEquals("BLOBBASEFEE", OperationTable.name(0x4a));
    assertEquals("0xef", OperationTable.name(0xef));
  }

  @Test
  void writesAreExactlyTheStateChangingOpcodes() {
    StringBuilder writes = new StringBuilder();
    for (Operation o : OperationTable.CANCUN) {
      if (o != null && o.writes()) writes.append(o.name()).append(' ');
    }
    assertEquals("SSTORE TSTORE LOG0 LOG1 LOG2 LOG3 LOG4 CREATE CREATE2 SELFDESTRUCT ", writes.toString());
  }

  @Test
  void jumpdestAnalysisSkipsPushData() {
    byte[] code = Asm.bytes("5b605b5b7f" + "5b".repeat(32) + "5b");
    var dests = JumpDestinations.analyze(code);
    assertEquals(List.of(0, 3, 37), dests.stream().boxed().toList());
  }

  /**
   * Interpreter.execute calls the commonest opcodes' methods directly instead of through their rows; on the same
   * frame both ways must leave the same stack, memory, pc and state, or fail the same way.
   */
  @Test
  void interpreterFastPathAgreesWithTheTable() {
    SplittableRandom rnd = new SplittableRandom(3);
    byte[] code = new byte[80];
    for (int i = 0; i < code.length; i++) {
      code[i] = rnd.nextInt(3) == 0 ? (byte) 0x5b : (byte) rnd.nextInt(256);
    }
    for (int opcode = 0; opcode < 0xa0; opcode++) {
      Operation op = OperationTable.CANCUN[opcode];
      boolean local = opcode < 0x20 || (opcode >= 0x50 && opcode <= 0x53) || opcode >= 0x56;
      if (op == null || !local) continue;
      for (int trial = 0; trial < 40; trial++) {
        long seed = rnd.nextLong();
        Frame viaSwitch = randomFrame(code, new SplittableRandom(seed));
        Frame viaRow = randomFrame(code, new SplittableRandom(seed));
        int code0 = opcode;
        String a = outcome(() -> {
          if (!Interpreter.executeCommon(viaSwitch, code0)) {
            op.execution().execute(viaSwitch);
          }
        });
        String b = outcome(() -> op.execution().execute(viaRow));
        assertEquals(b, a, op.name());
        assertEquals(describe(viaRow), describe(viaSwitch), op.name());
      }
    }
  }

  private static Frame randomFrame(byte[] code, SplittableRandom rnd) {
    Message m = new Message(CallKind.CALL, EvmFixture.SENDER, EvmFixture.CONTRACT, EvmFixture.CONTRACT, Word.ZERO,
        new byte[0], 1_000_000, 0, false);
    Frame f = new Frame(EvmFixture.evm(EvmFixture.stateWithSender()), m, code);
    f.memory.resize(160);
    for (int i = 0; i < 5; i++) {
      f.memory.storeWord(32L * i, randomWord(rnd));
    }
    for (int i = 0; i < 20; i++) {
      f.stack.push(rnd.nextBoolean() ? Word.of(rnd.nextInt(128)) : randomWord(rnd));
    }
    f.pc = 1 + rnd.nextInt(code.length - 1);
    return f;
  }

  private static Word randomWord(SplittableRandom rnd) {
    return new Word(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()).shr(rnd.nextInt(256));
  }

  private static String outcome(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (EvmHalt h) {
      return h.reason.toString();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static String describe(Frame f) {
    StringBuilder b = new StringBuilder("pc " + f.pc + " state " + f.state + " stack");
    for (int i = 0; i < f.stack.size(); i++) {
      b.append(' ').append(f.stack.peek(i));
    }
    b.append(" memory ").append(java.util.HexFormat.of().formatHex(f.memory.read(0, f.memory.size())));
    return b.toString();
  }

  @Test
  void intrinsicGas() {
    assertEquals(21000, IntrinsicGas.of(new byte[0], false, List.of()));
    assertEquals(21000 + 4 + 16, IntrinsicGas.of(new byte[] {0, 1}, false, List.of()));
    // creation with 33 bytes of non-zero init code: 2 words of EIP-3860 gas
    byte[] init = new byte[33];
    java.util.Arrays.fill(init, (byte) 1);
    assertEquals(53000 + 33 * 16 + 2 * 2, IntrinsicGas.of(init, true, List.of()));
    assertEquals(21000 + 2400 + 2 * 1900, IntrinsicGas.of(new byte[0], false,
        List.of(new AccessListEntry(Address.ofLong(1), List.of(Hash.ZERO, Hash.fromHex("0x" + "0".repeat(63) + "1"))))));
  }
}
