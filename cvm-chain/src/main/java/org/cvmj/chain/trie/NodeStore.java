package org.cvmj.chain.trie;

import org.cvmj.chain.crypto.Hash;

/**
 * Where trie nodes live, keyed by the Keccak-256 of their RLP encoding. Only nodes of 32 bytes or more (and
 * every root) are stored; smaller ones are embedded in their parents. Implementations must be safe for one
 * writer and many readers.
 */
public interface NodeStore {

  /** The encoding of the node with this hash, or null if absent. */
  byte[] get(Hash hash);

  /** Stores a node's encoding under its hash; storing the same pair twice is harmless. */
  void put(Hash hash, byte[] encoded);
}
