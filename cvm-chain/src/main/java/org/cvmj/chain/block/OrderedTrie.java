package org.cvmj.chain.block;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.MemoryNodeStore;
import org.cvmj.chain.trie.Trie;
import org.cvmj.chain.tx.Transaction;

/**
 * The root of a list committed as Ethereum commits a block's transactions and receipts: a trie whose key for
 * item {@code i} is {@code RLP(i)} and whose value is the item's consensus encoding.
 */
public final class OrderedTrie {
  private OrderedTrie() {}

  /** The root of the trie holding {@code values[i]} under {@code RLP(i)}; an empty list gives the empty root. */
  public static Hash root(List<byte[]> values) {
    Trie trie = new Trie(new MemoryNodeStore());
    for (int i = 0; i < values.size(); i++) {
      trie.put(new RlpWriter().writeLong(i).toByteArray(), values.get(i));
    }
    return trie.rootHash();
  }

  /** A block header's {@code transactionsRoot}. */
  public static Hash transactionsRoot(List<Transaction> transactions) {
    List<byte[]> values = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      values.add(tx.encode());
    }
    return root(values);
  }

  /** A block header's {@code receiptsRoot}. */
  public static Hash receiptsRoot(List<Receipt> receipts) {
    List<byte[]> values = new ArrayList<>(receipts.size());
    for (Receipt r : receipts) {
      values.add(r.encode());
    }
    return root(values);
  }
}
