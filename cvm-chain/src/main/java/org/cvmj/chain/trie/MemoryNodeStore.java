package org.cvmj.chain.trie;

import java.util.concurrent.ConcurrentHashMap;
import org.cvmj.chain.crypto.Hash;

/** A {@link NodeStore} in memory, for tests and for tries that need no persistence. */
public final class MemoryNodeStore implements NodeStore {
  private final ConcurrentHashMap<Hash, byte[]> nodes = new ConcurrentHashMap<>();

  @Override
  public byte[] get(Hash hash) {
    byte[] b = nodes.get(hash);
    return b == null ? null : b.clone();
  }

  @Override
  public void put(Hash hash, byte[] encoded) {
    nodes.putIfAbsent(hash, encoded.clone());
  }

  /** How many nodes are stored. */
  public int size() {
    return nodes.size();
  }
}
