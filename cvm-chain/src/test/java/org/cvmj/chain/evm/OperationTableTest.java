package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
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
