package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;
import org.junit.jupiter.api.Test;

class InMemoryWorldStateTest {
  private static final Address A = Address.ofLong(0xa);
  private static final Address B = Address.ofLong(0xb);

  @Test
  void revertUndoesEverythingAfterTheSnapshot() {
    InMemoryWorldState s = new InMemoryWorldState().withAccount(A, Word.of(100), 1, new byte[0], Map.of());
    int snap = s.snapshot();
    s.setBalance(A, Word.of(50));
    s.setNonce(A, 9);
    s.setStorage(A, Word.ONE, Word.of(7));
    s.setTransientStorage(A, Word.ONE, Word.of(8));
    s.setCode(B, new byte[] {0x00});
    assertTrue(s.warm(B));
    assertTrue(s.warm(B, Word.ONE));
    s.addRefund(4800);
    s.addLog(new Log(A, List.of(), new byte[0]));
    s.revertTo(snap);
    assertEquals(Word.of(100), s.balance(A));
    assertEquals(1, s.nonce(A));
    assertEquals(Word.ZERO, s.storage(A, Word.ONE));
    assertEquals(Word.ZERO, s.transientStorage(A, Word.ONE));
    assertFalse(s.exists(B));
    assertFalse(s.isWarm(B));
    assertFalse(s.isWarm(B, Word.ONE));
    assertEquals(0, s.refund());
    assertTrue(s.logs().isEmpty());
  }

  @Test
  void originalStorageIsTheValueAtTransactionStart() {
    InMemoryWorldState s = new InMemoryWorldState().withAccount(A, Word.ZERO, 1, new byte[0],
        Map.of(Word.ONE, Word.of(5)));
    s.setStorage(A, Word.ONE, Word.of(6));
    assertEquals(Word.of(5), s.originalStorage(A, Word.ONE));
    assertEquals(Word.of(6), s.storage(A, Word.ONE));
    s.finishTransaction();
    assertEquals(Word.of(6), s.originalStorage(A, Word.ONE));
  }

  @Test
  void finishTransactionDeletesSelfDestructedAndTouchedEmptyAccounts() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.createAccount(A);
    s.setNonce(A, 1);
    s.markSelfDestructed(A);
    s.setBalance(B, Word.ZERO); // touched and empty
    s.setTransientStorage(B, Word.ONE, Word.ONE);
    s.finishTransaction();
    assertFalse(s.exists(A));
    assertFalse(s.exists(B));
    assertEquals(Word.ZERO, s.transientStorage(B, Word.ONE));
  }

  @Test
  void codeHashOfMissingEmptyAndCodedAccounts() {
    InMemoryWorldState s = new InMemoryWorldState().withAccount(A, Word.ONE, 0, new byte[0], Map.of());
    assertEquals(Word.ZERO, s.codeHash(B));
    assertEquals(Word.fromBytes(Keccak256.EMPTY.bytes()), s.codeHash(A));
    s.setCode(B, new byte[] {0x60, 0x00});
    assertEquals(Word.fromBytes(Keccak256.digest(new byte[] {0x60, 0x00})), s.codeHash(B));
    assertTrue(s.hasCollision(B));
    assertFalse(s.hasCollision(A));
  }
}
