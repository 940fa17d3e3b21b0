package org.cvmj.chain.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.block.BaseFee;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.LogsBloom;
import org.cvmj.chain.block.OrderedTrie;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.Trie;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.chain.tx.TxType;

/**
 * Builds a deterministic test chain on top of a database's head: block n carries two signed transactions (a
 * legacy and an EIP-1559 one with a log) and a state trie that maps RLP(k) to "value k" for every k up to n,
 * so its nodes accumulate across blocks. Shared by the database tests and the crash-test child process.
 */
final class TestChain {
  static final BigInteger CHAIN_ID = BigInteger.valueOf(1337);
  static final Address CONTRACT = Address.ofLong(0xbeef);
  private static final BigInteger KEY =
      new BigInteger("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8", 16);

  private TestChain() {}

  /** A block ready to write, with its receipts and the trie nodes its state root needs. */
  record Built(Block block, List<Receipt> receipts, Map<Hash, byte[]> nodes) {}

  static byte[] stateKey(long n) {
    return new RlpWriter().writeLong(n).toByteArray();
  }

  static byte[] stateValue(long n) {
    return ("value " + n).getBytes(StandardCharsets.US_ASCII);
  }

  /** The block that extends {@code db}'s head (block 0 on an empty database). */
  static Built next(ChainDatabase db) {
    BlockHeader parent = db.head().orElse(null);
    long n = parent == null ? 0 : parent.number() + 1;
    PendingNodes pending = new PendingNodes(db.nodeStore());
    Trie state = parent == null ? new Trie(pending) : new Trie(pending, parent.stateRoot());
    state.put(stateKey(n), stateValue(n));
    Hash stateRoot = state.commit();

    List<Transaction> txs = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    if (n > 0) {
      long nonce = 2 * (n - 1);
      txs.add(Transaction.legacy(CHAIN_ID, nonce, BigInteger.TEN, 21_000, CONTRACT, BigInteger.ONE, new byte[0])
          .sign(KEY));
      txs.add(Transaction.dynamicFee(CHAIN_ID, nonce + 1, BigInteger.ONE, BigInteger.valueOf(2_000_000_000L),
          60_000, CONTRACT, BigInteger.ZERO, stateKey(n), List.of()).sign(KEY));
      receipts.add(Receipt.of(TxType.LEGACY, true, 21_000, List.of()));
      Log log = new Log(CONTRACT, List.of(Word.of(n)), stateValue(n));
      receipts.add(Receipt.of(TxType.DYNAMIC_FEE, true, 51_000, List.of(log)));
    }
    List<LogsBloom> blooms = new ArrayList<>();
    for (Receipt r : receipts) {
      blooms.add(r.bloom());
    }
    BlockHeader header = BlockHeader.cancun(parent == null ? Hash.ZERO : parent.hash(), Address.ofLong(0xc0ffee),
        stateRoot, OrderedTrie.transactionsRoot(txs), OrderedTrie.receiptsRoot(receipts), LogsBloom.union(blooms),
        n, 30_000_000, n == 0 ? 0 : 51_000, 1_700_000_000L + 12 * n, new byte[0], Hash.ZERO,
        parent == null ? BaseFee.INITIAL_BASE_FEE : BaseFee.next(parent), 0, 0, Hash.ZERO);
    return new Built(new Block(header, txs), receipts, pending.nodes());
  }

  /**
   * Checks everything the database says about blocks 0..head against itself: canonical index, headers,
   * parent links, transactions and receipts roots, lookups, and the head state trie. Returns the head number.
   */
  static long checkConsistent(ChainDatabase db) throws ChainDatabaseException {
    BlockHeader head = db.head().orElseThrow();
    Hash parent = Hash.ZERO;
    for (long n = 0; n <= head.number(); n++) {
      Hash hash = db.canonicalHash(n).orElseThrow(() -> new AssertionError("no canonical block"));
      Block block = db.block(hash).orElseThrow();
      assertEquals(hash, block.hash());
      assertEquals(n, block.number());
      assertEquals(parent, block.header().parentHash());
      assertEquals(block.header().transactionsRoot(), OrderedTrie.transactionsRoot(block.transactions()));
      List<Receipt> receipts = db.receipts(hash).orElseThrow();
      assertEquals(block.header().receiptsRoot(), OrderedTrie.receiptsRoot(receipts));
      for (int i = 0; i < block.transactions().size(); i++) {
        assertEquals(new TxLocation(hash, n, i),
            db.transactionLocation(block.transactions().get(i).hash()).orElseThrow());
      }
      parent = hash;
    }
    assertEquals(head.hash(), parent);
    Trie state = new Trie(db.nodeStore(), head.stateRoot());
    for (long k = 0; k <= head.number(); k++) {
      assertArrayEquals(stateValue(k), state.get(stateKey(k)), "state entry " + k);
    }
    return head.number();
  }
}
