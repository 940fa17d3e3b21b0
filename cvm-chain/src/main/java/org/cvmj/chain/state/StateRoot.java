package org.cvmj.chain.state;

import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.InMemoryWorldState;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.MemoryNodeStore;
import org.cvmj.chain.trie.SecureTrie;
import org.cvmj.chain.trie.Trie;

/**
 * The Ethereum state root of a world state: a secure trie keyed by keccak(address) whose values are
 * RLP([nonce, balance, storageRoot, codeHash]), where storageRoot is the root of the account's own secure trie
 * keyed by keccak(slot) holding RLP(value without leading zeros). Zero slots are absent; accounts removed by
 * EIP-161 or SELFDESTRUCT are absent because the world state no longer holds them.
 */
public final class StateRoot {
  private StateRoot() {}

  /** The state root of every account {@code state} holds. */
  public static Hash of(InMemoryWorldState state) {
    SecureTrie accounts = new SecureTrie(new MemoryNodeStore());
    for (Address a : state.addresses()) {
      Hash storageRoot = storageRoot(state.storageOf(a));
      accounts.put(a.bytes(), account(state.nonce(a), state.balance(a), storageRoot, state.codeHash(a)));
    }
    return accounts.rootHash();
  }

  /** The root of one account's storage trie; {@link Trie#EMPTY_ROOT} when every slot is zero. */
  public static Hash storageRoot(Map<Word, Word> storage) {
    SecureTrie trie = new SecureTrie(new MemoryNodeStore());
    storage.forEach((slot, value) -> {
      if (!value.isZero()) {
        trie.put(slot.toBytes(), RlpWriter.encodeBytes(withoutLeadingZeros(value.toBytes())));
      }
    });
    return trie.rootHash();
  }

  /** RLP([nonce, balance, storageRoot, codeHash]), the value of an account in the state trie. */
  public static byte[] account(long nonce, Word balance, Hash storageRoot, Word codeHash) {
    return new RlpWriter().startList()
        .writeLong(nonce)
        .writeBytes(withoutLeadingZeros(balance.toBytes()))
        .writeBytes(storageRoot.bytes())
        .writeBytes(codeHash.toBytes())
        .endList().toByteArray();
  }

  private static byte[] withoutLeadingZeros(byte[] b) {
    int i = 0;
    while (i < b.length && b[i] == 0) {
      i++;
    }
    return java.util.Arrays.copyOfRange(b, i, b.length);
  }
}
