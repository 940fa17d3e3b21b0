package org.cvmj.chain.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.evm.BlockContext;
import org.cvmj.chain.evm.InMemoryWorldState;
import org.cvmj.chain.evm.TransactionExecutor;
import org.cvmj.chain.evm.TransactionRequest;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.evm.WorldState;
import org.cvmj.chain.trie.MemoryNodeStore;
import org.cvmj.chain.trie.Trie;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.chain.tx.InvalidTransactionException;
import org.junit.jupiter.api.Test;

class TrieWorldStateTest {
  /** Runtime: SSTORE(key = calldata[32..64], value = calldata[0..32]); STOP. */
  private static final String RUNTIME = "600035602035550" + "0";
  /** Init: SSTORE(1, 1), then return the 8-byte runtime that follows the 17-byte init code. */
  private static final byte[] INIT = Hex.decode("6001600155" + "6008601160003960086000f3" + RUNTIME);
  private static final Word GAS_PRICE = Word.of(10);
  private static final BlockContext BLOCK = new BlockContext(Address.ofLong(0xc0ffee), 1, 1000, 30_000_000,
      Word.of(7), Word.ZERO, Word.of(1), Word.ONE, n -> Word.ZERO);

  private static final List<Address> USERS = List.of(Address.ofLong(0x1001), Address.ofLong(0x1002),
      Address.ofLong(0x1003), Address.ofLong(0x1004));

  @Test
  void randomTransfersAndContractsGiveTheInMemoryStateRoot() throws Exception {
    MemoryNodeStore store = new MemoryNodeStore();
    InMemoryWorldState reference = new InMemoryWorldState();
    TrieWorldState trie = new TrieWorldState(store);
    for (Address u : USERS) {
      reference.withAccount(u, Word.of(1_000_000_000_000L), 0, new byte[0], Map.of());
      trie.setBalance(u, Word.of(1_000_000_000_000L));
    }
    trie.finishTransaction();
    Hash genesisRoot = trie.commit();
    assertEquals(StateRoot.of(reference), genesisRoot);

    Random random = new Random(42);
    List<Address> contracts = new ArrayList<>();
    List<Hash> roots = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Address from = USERS.get(random.nextInt(USERS.size()));
      TransactionRequest tx;
      int kind = contracts.isEmpty() ? 1 : random.nextInt(4);
      if (kind == 0) {
        Address to = random.nextInt(5) == 0 ? Address.ofLong(0x2000 + random.nextInt(3)) // fresh accounts
            : USERS.get(random.nextInt(USERS.size()));
        tx = request(reference, from, to, Word.of(random.nextInt(1000)), new byte[0]);
      } else if (kind == 1) {
        tx = request(reference, from, null, Word.ZERO, INIT);
      } else {
        Address c = contracts.get(random.nextInt(contracts.size()));
        byte[] data = new byte[64];
        data[31] = (byte) (random.nextInt(3)); // value 0, 1 or 2: also clears slots
        data[63] = (byte) random.nextInt(4); // key 0..3
        tx = request(reference, from, c, Word.ZERO, data);
      }
      TransactionResult a = TransactionExecutor.execute(reference, BLOCK, tx);
      TransactionResult b = TransactionExecutor.execute(trie, BLOCK, tx);
      assertEquals(a.status(), b.status());
      assertEquals(a.gasUsed(), b.gasUsed(), "gas of transaction " + i);
      if (a.createdAddress() != null) {
        contracts.add(a.createdAddress());
      }
      if (i % 10 == 9) { // a block boundary
        Hash root = trie.commit();
        assertEquals(StateRoot.of(reference), root, "root after transaction " + i);
        roots.add(root);
      }
    }
    assertTrue(contracts.size() > 5);
    // the state at an old root is still there, and differs from the newest one
    TrieWorldState old = new TrieWorldState(store, genesisRoot);
    assertEquals(Word.of(1_000_000_000_000L), old.balance(USERS.get(0)));
    assertEquals(0, old.nonce(USERS.get(0)));
    assertFalse(old.exists(contracts.get(0)));
    TrieWorldState head = new TrieWorldState(store, roots.get(roots.size() - 1));
    for (Address u : USERS) {
      assertEquals(reference.balance(u), head.balance(u));
      assertEquals(reference.nonce(u), head.nonce(u));
    }
    for (Address c : contracts) {
      assertArrayEquals(Hex.decode(RUNTIME), head.code(c));
      for (int k = 0; k < 4; k++) {
        assertEquals(reference.storage(c, Word.of(k)), head.storage(c, Word.of(k)));
      }
    }
    assertNotEquals(roots.get(0), roots.get(roots.size() - 1));
  }

  @Test
  void uncommittedChangesStayOutOfTheStoreAndRevertUndoesThem() {
    MemoryNodeStore store = new MemoryNodeStore();
    TrieWorldState s = new TrieWorldState(store);
    Address a = Address.ofLong(7);
    s.setBalance(a, Word.of(5));
    s.setStorage(a, Word.ONE, Word.of(9));
    s.finishTransaction();
    Hash root = s.commit();
    int nodes = store.size();

    TrieWorldState view = new TrieWorldState(store, root);
    int snap = view.snapshot();
    view.setBalance(a, Word.of(100));
    view.setStorage(a, Word.ONE, Word.ZERO);
    view.setCode(a, new byte[] {0x00});
    assertEquals(Word.of(100), view.balance(a));
    assertEquals(Word.ZERO, view.storage(a, Word.ONE));
    assertEquals(Word.of(9), view.originalStorage(a, Word.ONE));
    assertNotEquals(root, view.rootHash());
    view.revertTo(snap);
    assertEquals(Word.of(5), view.balance(a));
    assertEquals(Word.of(9), view.storage(a, Word.ONE));
    assertEquals(0, view.code(a).length);
    assertEquals(root, view.rootHash());
    assertEquals(nodes, store.size());
    assertEquals(Trie.EMPTY_ROOT, new TrieWorldState(store).committedRoot());
  }

  private static TransactionRequest request(WorldState state, Address from, Address to, Word value, byte[] data)
      throws InvalidTransactionException {
    long intrinsic = IntrinsicGas.of(data, to == null, List.of());
    return TransactionRequest.legacy(from, to, state.nonce(from), value, data, 200_000, intrinsic, GAS_PRICE);
  }
}
