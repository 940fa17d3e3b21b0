package org.cvmj.chain.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.trie.NodeStore;

/**
 * A {@link NodeStore} that holds new nodes in memory until a block is written: tries committed while a block
 * is built put their nodes here, and {@link ChainDatabase#writeBlock} persists {@link #nodes()} in the block's
 * batch, so a block and the state it commits to become durable together. Reads see pending nodes first, then
 * the underlying store. Not thread-safe: one block builder owns it.
 */
public final class PendingNodes implements NodeStore {
  private final NodeStore base;
  private final Map<Hash, byte[]> pending = new LinkedHashMap<>();

  public PendingNodes(NodeStore base) {
    this.base = base;
  }

  @Override
  public byte[] get(Hash hash) {
    byte[] b = pending.get(hash);
    return b != null ? b.clone() : base.get(hash);
  }

  @Override
  public void put(Hash hash, byte[] encoded) {
    pending.putIfAbsent(hash, encoded.clone());
  }

  /** The nodes put since creation, in insertion order (read-only view). */
  public Map<Hash, byte[]> nodes() {
    return Collections.unmodifiableMap(pending);
  }
}
