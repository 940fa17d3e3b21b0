package org.cvmj.chain.trie;

import java.util.List;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;

/**
 * A {@link Trie} whose keys are Keccak-256 hashed before use, as Ethereum's account trie (keyed by address) and
 * storage tries (keyed by slot) are. Iteration yields hashed keys; the preimages are not kept.
 */
public final class SecureTrie {
  private final Trie trie;

  public SecureTrie(NodeStore store) {
    this.trie = new Trie(store);
  }

  public SecureTrie(NodeStore store, Hash root) {
    this.trie = new Trie(store, root);
  }

  private SecureTrie(Trie trie) {
    this.trie = trie;
  }

  public byte[] get(byte[] key) {
    return trie.get(Keccak256.digest(key));
  }

  /** Sets the value under keccak(key); an empty value deletes it. */
  public void put(byte[] key, byte[] value) {
    trie.put(Keccak256.digest(key), value);
  }

  public void delete(byte[] key) {
    trie.delete(Keccak256.digest(key));
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash commit() {
    return trie.commit();
  }

  public SecureTrie snapshot() {
    return new SecureTrie(trie.snapshot());
  }

  /** A proof for keccak(key), as {@code eth_getProof} returns for accounts and storage slots. */
  public List<byte[]> prove(byte[] key) {
    return trie.prove(Keccak256.digest(key));
  }
}
