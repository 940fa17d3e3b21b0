package org.cvmj.chain.evm;

import static org.cvmj.chain.evm.EvmFixture.BLOCK;
import static org.cvmj.chain.evm.EvmFixture.COINBASE;
import static org.cvmj.chain.evm.EvmFixture.ETHER;
import static org.cvmj.chain.evm.EvmFixture.SENDER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.tx.AccessListEntry;
import org.cvmj.chain.tx.InvalidTransactionException;
import org.junit.jupiter.api.Test;

class TransactionExecutorTest {
  private static final Address A = Address.fromHex("00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("00000000000000000000000000000000000000bb");
  private static final Address X = Address.fromHex("00000000000000000000000000000000000000cc");
  private static final Word PRICE = Word.of(10);

  private final InMemoryWorldState state = EvmFixture.stateWithSender();

  private void deploy(Address at, String asm) throws InvalidTransactionException {
    deploy(at, asm, Word.ZERO, Map.of());
  }

  private void deploy(Address at, String asm, Word balance, Map<Word, Word> storage) throws InvalidTransactionException {
    state.withAccount(at, balance, 1, Asm.assemble(asm), storage);
  }

  private TransactionResult call(Address to, Word value, byte[] data, long intrinsic) throws InvalidTransactionException {
    return TransactionExecutor.execute(state, BLOCK,
        TransactionRequest.legacy(SENDER, to, state.nonce(SENDER), value, data, 1_000_000, intrinsic, PRICE));
  }

  private TransactionResult call(Address to) throws InvalidTransactionException {
    return call(to, Word.ZERO, new byte[0], 21000);
  }

  private static Word word(TransactionResult r) {
    return Word.fromBytes(r.returnData());
  }

  @Test
  void valueTransferPaysTheEffectivePriceAndTheTip() throws InvalidTransactionException {
    // max fee 10, priority 2, base fee 7: effective price min(10, 7 + 2) = 9, tip 2
    TransactionRequest tx = new TransactionRequest(SENDER, X, 0, Word.of(1000), new byte[0], 21000, 21000,
        Word.of(10), Word.of(2), List.of(), List.of(), Word.ZERO);
    TransactionResult r = TransactionExecutor.execute(state, BLOCK, tx);
    assertTrue(r.isSuccess());
    assertEquals(21000, r.gasUsed());
    assertEquals(ETHER.sub(Word.of(1000 + 21000 * 9)), state.balance(SENDER));
    assertEquals(Word.of(1000), state.balance(X));
    assertEquals(Word.of(21000 * 2), state.balance(COINBASE));
    assertEquals(1, state.nonce(SENDER));
  }

  @Test
  void invalidTransactionsLeaveTheStateAlone() throws InvalidTransactionException {
    TransactionRequest wrongNonce = TransactionRequest.legacy(SENDER, X, 5, Word.ZERO, new byte[0], 21000, 21000,
        PRICE);
    InvalidTransactionException e = assertThrows(InvalidTransactionException.class,
        () -> TransactionExecutor.execute(state, BLOCK, wrongNonce));
    assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    assertEquals(InvalidTransactionException.Reason.NONCE_MISMATCH, e.reason());
    TransactionRequest tooPoor = TransactionRequest.legacy(SENDER, X, 0, ETHER, new byte[0], 21000, 21000, PRICE);
    assertThrows(InvalidTransactionException.class, () -> TransactionExecutor.execute(state, BLOCK, tooPoor));
    TransactionRequest belowBaseFee = TransactionRequest.legacy(SENDER, X, 0, Word.ZERO, new byte[0], 21000, 21000,
        Word.of(6));
    assertThrows(InvalidTransactionException.class, () -> TransactionExecutor.execute(state, BLOCK, belowBaseFee));
    assertEquals(ETHER, state.balance(SENDER));
    assertEquals(0, state.nonce(SENDER));
  }

  @Test
  void createTransactionDeploysTheReturnedCode() throws InvalidTransactionException {
    String runtime = "PUSH1 0x2a PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN"; // 8 bytes
    byte[] init = Asm.assemble("PUSH8 0x" + Asm.hex(runtime) + " PUSH0 MSTORE PUSH1 0x08 PUSH1 0x18 RETURN");
    TransactionResult r = TransactionExecutor.execute(state, BLOCK,
        TransactionRequest.legacy(SENDER, null, 0, Word.ZERO, init, 1_000_000, 60000, PRICE));
    Address created = ContractAddress.create(SENDER, 0);
    assertTrue(r.isSuccess(), () -> r.toString());
    assertEquals(created, r.createdAddress());
    // init code: PUSH8 3, PUSH0 2, MSTORE 3 + 3 memory, PUSH1 3, PUSH1 3 = 17 gas; deposit 8 × 200
    assertEquals(60000 + 17 + 1600, r.gasUsed());
    assertArrayEquals(Asm.assemble(runtime), state.code(created));
    assertEquals(1, state.nonce(created));
    assertEquals(1, state.nonce(SENDER));
    assertEquals(Word.of(42), word(call(created)));
  }

  @Test
  void create2DeploysAtTheAddressEip1014Predicts() throws InvalidTransactionException {
    String runtime = "PUSH1 0x2a PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN";
    String init = "PUSH8 0x" + Asm.hex(runtime) + " PUSH0 MSTORE PUSH1 0x08 PUSH1 0x18 RETURN";
    byte[] initBytes = Asm.assemble(init); // 16 bytes
    // factory: copy the init code into memory, CREATE2 with salt 0x5a17, return the address
    deploy(A, "PUSH16 0x" + Asm.hex(init) + " PUSH0 MSTORE"
        + " PUSH2 0x5a17 PUSH1 0x10 PUSH1 0x10 PUSH0 CREATE2 PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN");
    TransactionResult r = call(A);
    Address expected = ContractAddress.create2(A, Word.fromHex("5a17"), initBytes);
    assertTrue(r.isSuccess());
    assertEquals(Word.fromAddress(expected), word(r));
    assertArrayEquals(Asm.assemble(runtime), state.code(expected));
    assertEquals(2, state.nonce(A));
    // the same salt and code again collide: CREATE2 pushes 0
    TransactionResult again = call(A);
    assertEquals(Word.ZERO, word(again));
  }

  @Test
  void revertedCallReturnsTheErrorStringAndUndoesState() throws InvalidTransactionException {
    // B stores 1 in slot 0, then reverts with Error("no")
    deploy(B, "PUSH1 0x01 PUSH0 SSTORE"
        + " PUSH32 0x08c379a000000000000000000000000000000000000000000000000000000000 PUSH0 MSTORE"
        + " PUSH1 0x20 PUSH1 0x04 MSTORE PUSH1 0x02 PUSH1 0x24 MSTORE"
        + " PUSH32 0x6e6f000000000000000000000000000000000000000000000000000000000000 PUSH1 0x44 MSTORE"
        + " PUSH1 0x64 PUSH0 REVERT");
    byte[] error = Asm.bytes("08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "6e6f000000000000000000000000000000000000000000000000000000000000");
    TransactionResult direct = call(B);
    assertEquals(CallResult.Status.REVERT, direct.status());
    assertArrayEquals(error, direct.returnData());
    assertEquals(Word.ZERO, state.storage(B, Word.ZERO));
    assertTrue(direct.logs().isEmpty());
    // A calls B, sees failure (0) and forwards the revert data with RETURNDATACOPY; A's own store stays
    deploy(A, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 0xbb GAS CALL PUSH1 0x01 SSTORE"
        + " RETURNDATASIZE PUSH0 PUSH0 RETURNDATACOPY RETURNDATASIZE PUSH0 RETURN");
    TransactionResult viaA = call(A);
    assertTrue(viaA.isSuccess());
    assertArrayEquals(error, viaA.returnData());
    assertEquals(Word.ZERO, state.storage(A, Word.ONE)); // CALL pushed 0, stored into slot 1
    assertEquals(Word.ZERO, state.storage(B, Word.ZERO));
  }

  @Test
  void accessListAndWarmAddressesFollowEip2929() throws InvalidTransactionException {
    String code = "PUSH20 0x00000000000000000000000000000000000000cc BALANCE POP"
        + " PUSH20 0x00000000000000000000000000000000000000cc BALANCE POP STOP";
    deploy(A, code);
    // cold then warm: 3 + 2600 + 2 + 3 + 100 + 2
    assertEquals(21000 + 2710, call(A).gasUsed());
    // warmed by the access list (the 2400 for the entry is in the caller's intrinsic gas)
    TransactionRequest withList = new TransactionRequest(SENDER, A, state.nonce(SENDER), Word.ZERO, new byte[0],
        1_000_000, 21000 + 2400, PRICE, PRICE, List.of(new AccessListEntry(X, List.<Hash>of())), List.of(), Word.ZERO);
    assertEquals(21000 + 2400 + 210, TransactionExecutor.execute(state, BLOCK, withList).gasUsed());
    // the coinbase (EIP-3651), the precompiles, the sender and the callee itself start warm
    deploy(B, "COINBASE BALANCE POP PUSH1 0x01 BALANCE POP CALLER BALANCE POP ADDRESS BALANCE POP");
    assertEquals(21000 + 4 * 100 + 2 + 3 + 2 + 2 + 4 * 2, call(B).gasUsed());
  }

  @Test
  void callWithValueToANewAccountPaysTransferAndNewAccountGas() throws InvalidTransactionException {
    deploy(A, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 0x01 PUSH20 0x00000000000000000000000000000000000000cc PUSH0 CALL STOP",
        Word.of(5), Map.of());
    TransactionResult r = call(A);
    assertTrue(r.isSuccess());
    // pushes 16, then 2600 cold + 9000 value + 25000 new account; the callee gets the 2300 stipend free of
    // charge and, having no code, hands it back to the caller
    assertEquals(21000 + 16 + 2600 + 9000 + 25000 - 2300, r.gasUsed());
    assertEquals(Word.ONE, state.balance(X));
    assertEquals(Word.of(4), state.balance(A));
  }

  @Test
  void calleeGetsAllButOne64thOfTheRemainingGas() throws InvalidTransactionException {
    deploy(B, "GAS PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN");
    InMemoryWorldState s = state;
    s.withAccount(EvmFixture.CONTRACT, Word.ZERO, 1,
        Asm.assemble("PUSH1 0x20 PUSH0 PUSH0 PUSH0 PUSH1 0xbb GAS STATICCALL POP PUSH1 0x20 PUSH0 RETURN"), Map.of());
    CallResult r = EvmFixture.run(s, null, new byte[0], 100_000);
    // 14 before STATICCALL, 3 memory, 2600 cold: 97383 left; 97383 - 97383/64 = 95862; B's GAS costs 2
    assertEquals(Word.of(95860), Word.fromBytes(r.output()));
  }

  @Test
  void staticcallForbidsStateChanges() throws InvalidTransactionException {
    deploy(B, "PUSH1 0x01 PUSH0 SSTORE STOP");
    deploy(A, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 0xbb PUSH2 0xffff STATICCALL PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN");
    TransactionResult r = call(A);
    assertTrue(r.isSuccess());
    assertEquals(Word.ZERO, word(r));
    assertEquals(Word.ZERO, state.storage(B, Word.ZERO));
    // pushes 14, 2600 cold, 0xffff given and all consumed by the write-protection halt, then 2 + 6 + 3 + 2
    assertEquals(21000 + 14 + 2600 + 0xffff + 13, r.gasUsed());
  }

  @Test
  void selfdestructOfAnOldContractOnlyMovesTheBalance() throws InvalidTransactionException {
    deploy(A, "PUSH1 0xcc SELFDESTRUCT", Word.of(500), Map.of(Word.ONE, Word.ONE));
    TransactionResult r = call(A);
    assertTrue(r.isSuccess());
    // PUSH1 3 + 5000 + 2600 cold beneficiary + 25000 for funding an empty account
    assertEquals(21000 + 3 + 5000 + 2600 + 25000, r.gasUsed());
    assertTrue(state.exists(A));
    assertEquals(Word.ZERO, state.balance(A));
    assertEquals(Word.ONE, state.storage(A, Word.ONE));
    assertEquals(Word.of(500), state.balance(X));
  }

  @Test
  void selfdestructInTheCreatingTransactionDeletesTheAccount() throws InvalidTransactionException {
    byte[] init = Asm.assemble("PUSH1 0xcc SELFDESTRUCT");
    TransactionResult r = TransactionExecutor.execute(state, BLOCK,
        TransactionRequest.legacy(SENDER, null, 0, Word.of(100), init, 1_000_000, 53000, PRICE));
    Address created = ContractAddress.create(SENDER, 0);
    assertTrue(r.isSuccess());
    assertFalse(state.exists(created));
    assertEquals(Word.of(100), state.balance(X));
  }

  @Test
  void refundIsCappedAtOneFifthOfTheGasUsed() throws InvalidTransactionException {
    deploy(A, "PUSH0 PUSH0 SSTORE PUSH0 PUSH1 0x01 SSTORE STOP", Word.ZERO,
        Map.of(Word.ZERO, Word.ONE, Word.ONE, Word.ONE));
    TransactionResult r = call(A);
    // two cold clears: 2 + 2 + (2100 + 2900) + 2 + 3 + (2100 + 2900) = 10009; refund 2 × 4800 capped at 31009 / 5
    assertEquals(6201, r.gasRefunded());
    assertEquals(31009 - 6201, r.gasUsed());
    assertEquals(ETHER.sub(Word.of((31009 - 6201) * 10L)), state.balance(SENDER));
    assertEquals(Word.of((31009 - 6201) * 3L), state.balance(COINBASE)); // tip = 10 - 7
  }

  @Test
  void logsAreReturnedOnlyForSuccess() throws InvalidTransactionException {
    deploy(A, "PUSH1 0x2a PUSH0 MSTORE PUSH1 0x07 PUSH1 0x01 PUSH1 0x20 PUSH0 LOG2 STOP");
    TransactionResult r = call(A);
    assertEquals(1, r.logs().size());
    Log log = r.logs().get(0);
    assertEquals(A, log.address());
    assertEquals(List.of(Word.ONE, Word.of(7)), log.topics());
    assertEquals(Word.of(42), Word.fromBytes(log.data()));
    // 3 + 2 + 6 + 3 + 3 + 3 + 2 + (375 + 2·375 + 8·32)
    assertEquals(21000 + 22 + 1381, r.gasUsed());
  }

  @Test
  void transientStorageIsClearedBetweenTransactions() throws InvalidTransactionException {
    deploy(A, "CALLDATASIZE @store JUMPI PUSH0 TLOAD PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN"
        + " store: PUSH1 0x07 PUSH0 TSTORE PUSH0 TLOAD PUSH0 MSTORE PUSH1 0x20 PUSH0 RETURN");
    assertEquals(Word.of(7), word(call(A, Word.ZERO, new byte[] {1}, 21016)));
    assertEquals(Word.ZERO, word(call(A)));
  }

  @Test
  void callDepthIsLimitedTo1024() throws InvalidTransactionException {
    // each frame counts itself in slot 0 and calls itself with all the gas it may pass on
    Address self = EvmFixture.CONTRACT;
    InMemoryWorldState s = EvmFixture.stateWithSender();
    s.withAccount(self, Word.ZERO, 1, Asm.assemble(
        "PUSH0 SLOAD PUSH1 0x01 ADD PUSH0 SSTORE PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 ADDRESS GAS CALL STOP"), Map.of());
    CallResult r = EvmFixture.run(s, null, new byte[0], 1_000_000_000_000L);
    assertTrue(r.isSuccess());
    assertEquals(Word.of(1025), s.storage(self, Word.ZERO)); // depths 0..1024 ran; the call from 1024 failed
  }

  @Test
  void initcodeOverTheEip3860LimitHaltsCreate() throws InvalidTransactionException {
    // CREATE with a 49153-byte init code size halts the frame and consumes all of its gas
    deploy(A, "PUSH3 0x00c001 PUSH0 PUSH0 CREATE STOP");
    TransactionResult r = call(A);
    assertEquals(CallResult.Status.HALT, r.status());
    assertEquals(HaltReason.INITCODE_SIZE_EXCEEDED, r.haltReason());
    assertEquals(1_000_000, r.gasUsed());
  }

  @Test
  void deployedCodeStartingWith0xEfIsRejected() throws InvalidTransactionException {
    // init code returns one byte 0xef (EIP-3541)
    byte[] init = Asm.assemble("PUSH1 0xef PUSH0 MSTORE8 PUSH1 0x01 PUSH0 RETURN");
    TransactionResult r = TransactionExecutor.execute(state, BLOCK,
        TransactionRequest.legacy(SENDER, null, 0, Word.ZERO, init, 100_000, 53000, PRICE));
    assertEquals(HaltReason.INVALID_CODE_PREFIX, r.haltReason());
    assertNull(r.createdAddress());
    assertEquals(100_000, r.gasUsed());
    assertEquals(1, state.nonce(SENDER));
  }

  @Test
  void delegatecallRunsCodeInTheCallersContext() throws InvalidTransactionException {
    deploy(B, "CALLER PUSH0 SSTORE ADDRESS PUSH1 0x01 SSTORE CALLVALUE PUSH1 0x02 SSTORE STOP");
    deploy(A, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 0xbb GAS DELEGATECALL STOP");
    TransactionResult r = call(A, Word.of(3), new byte[0], 21000);
    assertTrue(r.isSuccess());
    assertEquals(Word.fromAddress(SENDER), state.storage(A, Word.ZERO));
    assertEquals(Word.fromAddress(A), state.storage(A, Word.ONE));
    assertEquals(Word.of(3), state.storage(A, Word.of(2)));
    assertTrue(state.storageOf(B).isEmpty());
    assertEquals(Word.of(3), state.balance(A));
  }

  @Test
  void callcodeRunsForeignCodeOnOwnStorageWithSelfAsCaller() throws InvalidTransactionException {
    deploy(B, "CALLER PUSH0 SSTORE STOP");
    deploy(A, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 0xbb GAS CALLCODE STOP");
    assertTrue(call(A).isSuccess());
    assertEquals(Word.fromAddress(A), state.storage(A, Word.ZERO));
    assertTrue(state.storageOf(B).isEmpty());
  }

  @Test
  void extcodeQueriesDistinguishMissingEmptyAndCodedAccounts() throws InvalidTransactionException {
    String code = "PUSH1 0xbb EXTCODESIZE PUSH0 MSTORE PUSH1 0xbb EXTCODEHASH PUSH1 0x20 MSTORE"
        + " PUSH1 0xcc EXTCODEHASH PUSH1 0x40 MSTORE PUSH1 0x04 PUSH0 PUSH1 0x60 PUSH1 0xbb EXTCODECOPY"
        + " PUSH1 0x80 PUSH0 RETURN";
    deploy(B, "PUSH1 0x01 PUSH0 SSTORE");
    deploy(A, code);
    TransactionResult r = call(A);
    byte[] out = r.returnData();
    assertEquals(Word.of(4), Word.fromBytes(out, 0, 32)); // 60 01 5f 55
    assertEquals(Word.fromBytes(Keccak256.digest(Asm.assemble("PUSH1 0x01 PUSH0 SSTORE"))), Word.fromBytes(out, 32, 32));
    assertEquals(Word.ZERO, Word.fromBytes(out, 64, 32)); // 0xcc does not exist
    assertEquals(Word.fromHex("60015f55" + "00".repeat(28)), Word.fromBytes(out, 96, 32));
  }

  @Test
  void logsOfARevertedInnerCallAreDropped() throws InvalidTransactionException {
    deploy(B, "PUSH0 PUSH0 LOG0 PUSH0 PUSH0 REVERT");
    deploy(A, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH1 0xbb GAS CALL POP PUSH0 PUSH0 LOG0 STOP");
    TransactionResult r = call(A);
    assertEquals(1, r.logs().size());
    assertEquals(A, r.logs().get(0).address());
  }

  @Test
  void precompilesAreCallableFromContracts() throws InvalidTransactionException {
    // SHA-256 of the empty input through STATICCALL to 0x02: 60 gas inside
    deploy(A, "PUSH1 0x20 PUSH0 PUSH0 PUSH0 PUSH1 0x02 GAS STATICCALL POP PUSH1 0x20 PUSH0 RETURN");
    TransactionResult r = call(A);
    assertEquals(Word.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), word(r));
    // pushes 14, memory 3, warm 100, sha256 60, then POP 2, PUSH1 3, PUSH0 2
    assertEquals(21000 + 14 + 3 + 100 + 60 + 7, r.gasUsed());
  }
}
