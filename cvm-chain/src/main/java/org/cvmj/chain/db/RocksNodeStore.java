package org.cvmj.chain.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.trie.MissingNodeException;
import org.cvmj.chain.trie.NodeStore;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Trie nodes in one RocksDB column family, keyed by their 32-byte hash. Writes through {@link #put} go to the
 * write-ahead log at once but are not synced; nodes that must be durable with a block go through
 * {@link PendingNodes} and {@link ChainDatabase#writeBlock}. A read that RocksDB cannot serve is reported as a
 * {@link MissingNodeException} (the node store is unusable), a failed write as an {@link UncheckedIOException}.
 * The store does not own the database; closing the {@link ChainDatabase} ends it, and any later use fails with
 * an {@link IllegalStateException} rather than touching freed native memory.
 */
public final class RocksNodeStore implements NodeStore {
  private final RocksDB db;
  private final ColumnFamilyHandle family;
  private volatile boolean open = true;

  public RocksNodeStore(RocksDB db, ColumnFamilyHandle family) {
    this.db = db;
    this.family = family;
  }

  @Override
  public byte[] get(Hash hash) {
    ensureOpen();
    try {
      return db.get(family, hash.bytes());
    } catch (RocksDBException e) {
      throw new MissingNodeException(hash, "could not be read (" + e.getMessage() + ")");
    }
  }

  @Override
  public void put(Hash hash, byte[] encoded) {
    ensureOpen();
    try {
      db.put(family, hash.bytes(), encoded);
    } catch (RocksDBException e) {
      throw new UncheckedIOException(new IOException("writing trie node " + hash + " failed: " + e.getMessage(),
          e));
    }
  }

  /** Called by the owner before it closes the database. */
  void release() {
    open = false;
  }

  private void ensureOpen() {
    if (!open) {
      throw new IllegalStateException("the chain database behind this node store is closed");
    }
  }
}
