package org.cvmj.chain.evm;

import static org.cvmj.chain.evm.EvmFixture.CONTRACT;
import static org.cvmj.chain.evm.EvmFixture.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.cvmj.chain.crypto.Keccak256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpreterTest {
  private static final long GAS = 1_000_000;

  private static Word returnedWord(CallResult r) {
    return Word.fromBytes(r.output());
  }

  @Test
  void loopSumsOneToTenWithHandCountedGas() {
    CallResult r = run("""
        PUSH1 0x00 PUSH1 0x0a
        loop: DUP1 ISZERO @end JUMPI
          DUP1 SWAP2 ADD SWAP1 PUSH1 0x01 SWAP1 SUB @loop JUMP
        end: POP PUSH1 0x00 MSTORE PUSH1 0x20 PUSH1 0x00 RETURN
        """, GAS);
    assertEquals(CallResult.Status.SUCCESS, r.status());
    assertEquals(Word.of(55), returnedWord(r));
    // 6 setup + 10 iterations × 52 + 20 for the exit test + 18 for the epilogue (3 of it for one memory word)
    assertEquals(564, GAS - r.gasLeft());
  }

  @Test
  void invalidOpcodesConsumeAllGas() {
    CallResult designated = run("0xfe", GAS);
    assertEquals(CallResult.Status.HALT, designated.status());
    assertEquals(HaltReason.INVALID_OPCODE, designated.haltReason());
    assertEquals(0, designated.gasLeft());
    assertEquals(HaltReason.INVALID_OPCODE, run("0x0c", GAS).haltReason()); // unassigned byte
    assertEquals(HaltReason.INVALID_OPCODE, run("0xef", GAS).haltReason());
  }

  @Test
  void stackBoundsAreChecked() {
    assertEquals(HaltReason.STACK_UNDERFLOW, run("PUSH1 0x01 ADD", GAS).haltReason());
    assertEquals(HaltReason.STACK_UNDERFLOW, run("DUP1", GAS).haltReason());
    assertEquals(HaltReason.STACK_UNDERFLOW, run("PUSH0 SWAP1", GAS).haltReason());
    String full = "PUSH0 ".repeat(1024);
    assertEquals(CallResult.Status.SUCCESS, run(full, GAS).status());
    assertEquals(HaltReason.STACK_OVERFLOW, run(full + "PUSH0", GAS).haltReason());
    assertEquals(HaltReason.STACK_OVERFLOW, run(full + "DUP1", GAS).haltReason());
  }

  @Test
  void outOfGasHaltsAndConsumesEverything() {
    CallResult exact = run("PUSH1 0x01 PUSH1 0x01 ADD", 9);
    assertEquals(CallResult.Status.SUCCESS, exact.status());
    assertEquals(0, exact.gasLeft());
    CallResult shortBy1 = run("PUSH1 0x01 PUSH1 0x01 ADD", 8);
    assertEquals(HaltReason.OUT_OF_GAS, shortBy1.haltReason());
    assertEquals(0, shortBy1.gasLeft());
  }

  @Test
  void jumpsOnlyLandOnJumpdestsOutsidePushData() {
    // byte 4 is 0x5b but it is PUSH1's immediate
    assertEquals(HaltReason.INVALID_JUMP, run("PUSH1 0x04 JUMP PUSH1 0x5b", GAS).haltReason());
    assertEquals(HaltReason.INVALID_JUMP, run("PUSH1 0x02 JUMP", GAS).haltReason());
    assertEquals(HaltReason.INVALID_JUMP, run("PUSH32 0x0100000000000000000000000000000000000000000000000000000000000000"
        + " JUMP", GAS).haltReason());
    assertEquals(CallResult.Status.SUCCESS, run("PUSH1 0x01 PUSH1 0x06 JUMPI INVALID JUMPDEST", GAS).status());
    assertEquals(HaltReason.INVALID_OPCODE, run("PUSH1 0x00 PUSH1 0x06 JUMPI INVALID JUMPDEST", GAS).haltReason());
  }

  @Test
  void memoryExpansionIsQuadratic() {
    // a word stored at 992 grows memory to 32 words: 3·32 + 32²/512 = 98
    CallResult r = run("PUSH1 0x00 PUSH2 0x03e0 MSTORE MSIZE PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN", GAS);
    assertEquals(Word.of(1024), returnedWord(r));
    assertEquals(3 + 3 + 3 + 98 + 2 + 2 + 3 + 3 + 2, GAS - r.gasLeft());
    // 1024 words: 3·1024 + 1024²/512 = 5120
    assertEquals(5120, Memory.totalCost(1024));
    assertEquals(HaltReason.OUT_OF_GAS, run("PUSH1 0x00 PUSH5 0x0100000000 MSTORE", GAS).haltReason());
    assertEquals(HaltReason.OUT_OF_GAS, run("PUSH1 0x01 PUSH32 0x" + "ff".repeat(32) + " MSTORE8", GAS).haltReason());
  }

  @Test
  void zeroSizeAccessAtAHugeOffsetCostsNoMemory() {
    CallResult r = run("PUSH0 PUSH32 0x" + "ff".repeat(32) + " KECCAK256 PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN", GAS);
    assertEquals(Word.fromBytes(Keccak256.EMPTY.bytes()), returnedWord(r));
  }

  @Test
  void expPaysFiftyPerExponentByte() {
    CallResult r = run("PUSH2 0x0100 PUSH1 0x02 EXP PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN", GAS);
    assertEquals(Word.ZERO, returnedWord(r)); // 2^256 wraps to 0
    assertEquals(3 + 3 + (10 + 50 * 2) + 2 + 6 + 3 + 2, GAS - r.gasLeft());
    CallResult small = run("PUSH1 0x0a PUSH1 0x03 EXP PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN", GAS);
    assertEquals(Word.of(59049), returnedWord(small));
  }

  @Test
  void push0AndTransientStorage() {
    CallResult r = run("PUSH1 0x2a PUSH1 0x01 TSTORE PUSH1 0x01 TLOAD PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN", GAS);
    assertEquals(Word.of(42), returnedWord(r));
    assertEquals(3 + 3 + 100 + 3 + 100 + 2 + 6 + 3 + 2, GAS - r.gasLeft());
  }

  @Test
  void mcopyMatchesTheEip5656Examples() {
    // memory 0..31 zero, 32..63 = 00 01 .. 1f; MCOPY(dst 0, src 32, size 32)
    String seq = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    CallResult r = run("PUSH32 0x" + seq + " PUSH1 0x20 MSTORE PUSH1 0x20 PUSH1 0x20 PUSH1 0x00 MCOPY"
        + " PUSH1 0x40 PUSH0 RETURN", GAS);
    assertArrayEquals(Asm.bytes(seq + seq), r.output());
    // overlapping: 0001020304050607 08 ... copy 8 bytes from 1 to 0
    CallResult overlap = run("PUSH32 0x0001020304050607080000000000000000000000000000000000000000000000"
        + " PUSH0 MSTORE PUSH1 0x08 PUSH1 0x01 PUSH0 MCOPY PUSH1 0x20 PUSH0 RETURN", GAS);
    assertArrayEquals(Asm.bytes("0102030405060708080000000000000000000000000000000000000000000000"),
        overlap.output());
    // MCOPY cost: 3 + 3 per word + expansion (here: 32 bytes to 64 bytes is 3 more gas)
    CallResult grow = run("PUSH1 0x20 PUSH0 PUSH1 0x20 MCOPY", GAS);
    assertEquals(3 + 2 + 3 + (3 + 3 + 6), GAS - grow.gasLeft());
  }

  @Test
  void returndatacopyPastTheEndHalts() {
    assertEquals(HaltReason.RETURN_DATA_OUT_OF_BOUNDS, run("PUSH1 0x01 PUSH0 PUSH0 RETURNDATACOPY", GAS).haltReason());
    assertEquals(CallResult.Status.SUCCESS, run("PUSH0 PUSH0 PUSH0 RETURNDATACOPY", GAS).status());
  }

  @Test
  void revertReturnsDataAndKeepsGas() {
    CallResult r = run("PUSH1 0x2a PUSH0 MSTORE PUSH1 0x20 PUSH0 REVERT", GAS);
    assertEquals(CallResult.Status.REVERT, r.status());
    assertEquals(Word.of(42), returnedWord(r));
    assertEquals(3 + 2 + 6 + 3 + 2, GAS - r.gasLeft());
  }

  @Test
  void environmentAndBlockValues() {
    String ret = " PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN";
    assertEquals(Word.of(1), returnedWord(run("CHAINID" + ret, GAS)));
    assertEquals(Word.of(7), returnedWord(run("BASEFEE" + ret, GAS)));
    assertEquals(Word.of(100), returnedWord(run("NUMBER" + ret, GAS)));
    assertEquals(Word.of(0xb10c0000L + 99), returnedWord(run("PUSH1 0x63 BLOCKHASH" + ret, GAS)));
    assertEquals(Word.ZERO, returnedWord(run("PUSH1 0x64 BLOCKHASH" + ret, GAS))); // the current block
    assertEquals(Word.of(0xb10c0000L + 0), returnedWord(run("PUSH0 BLOCKHASH" + ret, GAS)));
    assertEquals(Word.fromAddress(EvmFixture.COINBASE), returnedWord(run("COINBASE" + ret, GAS)));
    assertEquals(Word.fromAddress(CONTRACT), returnedWord(run("ADDRESS" + ret, GAS)));
    assertEquals(Word.fromAddress(EvmFixture.SENDER), returnedWord(run("CALLER" + ret, GAS)));
    assertEquals(Word.of(3), returnedWord(run("PUSH1 0x00 POP PC" + ret, GAS)));
    assertEquals(Word.of(1), returnedWord(run("PUSH1 0x01 BLOBBASEFEE" + ret, GAS)));
    assertEquals(Word.ZERO, returnedWord(run("PUSH0 BLOBHASH" + ret, GAS)));
    assertEquals(Word.of(10), returnedWord(run("GASPRICE" + ret, GAS)));
    // GAS reports what is left after its own 2
    assertEquals(Word.of(GAS - 2), returnedWord(run("GAS" + ret, GAS)));
  }

  @Test
  void calldataIsZeroPaddedPastItsEnd() {
    byte[] input = Asm.bytes("11223344");
    CallResult r = run(EvmFixture.stateWithSender(),
        Asm.assemble("PUSH1 0x02 CALLDATALOAD PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN"), input, GAS);
    assertEquals(Word.fromHex("3344" + "00".repeat(30)), returnedWord(r));
    CallResult copy = run(EvmFixture.stateWithSender(),
        Asm.assemble("PUSH1 0x08 PUSH1 0x01 PUSH0 CALLDATACOPY CALLDATASIZE PUSH1 0x20 MSTORE PUSH1 0x40 PUSH0 RETURN"),
        input, GAS);
    assertArrayEquals(Asm.bytes("223344" + "00".repeat(29) + "00".repeat(31) + "04"), copy.output());
  }

  /** The EIP-3529 test table: gas used and refund for two or three SSTOREs to a warm slot 0. */
  @ParameterizedTest(name = "{0} original={3}")
  @CsvSource({
    "60006000556000600055, 212, 0, 0",
    "60006000556001600055, 20112, 0, 0",
    "60016000556000600055, 20112, 19900, 0",
    "60016000556002600055, 20112, 0, 0",
    "60016000556001600055, 20112, 0, 0",
    "60006000556000600055, 3012, 4800, 1",
    "60006000556001600055, 3012, 2800, 1",
    "60006000556002600055, 3012, 0, 1",
    "60026000556000600055, 3012, 4800, 1",
    "60026000556003600055, 3012, 0, 1",
    "60026000556001600055, 3012, 2800, 1",
    "60026000556002600055, 3012, 0, 1",
    "60016000556000600055, 3012, 4800, 1",
    "60016000556002600055, 3012, 0, 1",
    "60016000556001600055, 212, 0, 1",
    "600160005560006000556001600055, 40118, 19900, 0",
    "600060005560016000556000600055, 5918, 7600, 1"
  })
  void sstoreGasAndRefundsFollowEip3529(String code, long used, long refund, long original) {
    InMemoryWorldState state = EvmFixture.stateWithSender();
    state.withAccount(CONTRACT, Word.ZERO, 1, Asm.bytes(code), Map.of(Word.ZERO, Word.of(original)));
    state.warm(CONTRACT, Word.ZERO);
    CallResult r = run(state, Asm.bytes(code), new byte[0], GAS);
    assertEquals(CallResult.Status.SUCCESS, r.status());
    assertEquals(used, GAS - r.gasLeft());
    assertEquals(refund, state.refund());
  }

  @Test
  void coldSloadAndSstoreAddTheEip2929Surcharge() {
    CallResult r = run("PUSH0 SLOAD PUSH0 SLOAD", GAS);
    assertEquals(2 + 2100 + 2 + 100, GAS - r.gasLeft());
    CallResult store = run("PUSH1 0x01 PUSH0 SSTORE", GAS);
    assertEquals(3 + 2 + 2100 + 20000, GAS - store.gasLeft());
  }

  @Test
  void sstoreNeedsMoreThanTheStipend() {
    // 2300 left when SSTORE starts: fails even though a warm no-op store would cost only 100
    CallResult r = run("PUSH0 PUSH0 SSTORE", 2300 + 2 + 2);
    assertEquals(HaltReason.OUT_OF_GAS, r.haltReason());
  }
}
