package org.cvmj.chain.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;

/**
 * Blobs written while a block is built (or while a call runs), over the stored ones: reads see pending blobs first,
 * then {@code base}. The chain writes {@link #blobs()} in the block's atomic batch, so a block and the chunks its
 * state refers to become durable together; for a call the overlay is simply dropped. A blob put by a transaction
 * or frame that later reverts stays pending: it is unreachable from state, so only disk notices. Not thread-safe:
 * one block builder or one call owns it.
 */
public final class PendingBlobs implements BlobStore {
  private final Function<Hash, byte[]> base;
  private final Map<Hash, byte[]> pending = new LinkedHashMap<>();

  /** @param base reads a stored blob, returning null when absent */
  public PendingBlobs(Function<Hash, byte[]> base) {
    this.base = base;
  }

  /** An overlay over nothing: an in-memory blob store. */
  public static PendingBlobs inMemory() {
    return new PendingBlobs(h -> null);
  }

  @Override
  public byte[] get(Hash key) {
    byte[] b = pending.get(key);
    return b != null ? b.clone() : base.apply(key);
  }

  @Override
  public Hash put(byte[] blob) {
    Hash key = Keccak256.hash(blob);
    if (!pending.containsKey(key) && base.apply(key) == null) {
      pending.put(key, blob.clone());
    }
    return key;
  }

  /** The blobs put since creation and not stored before, in insertion order (read-only view). */
  public Map<Hash, byte[]> blobs() {
    return Collections.unmodifiableMap(pending);
  }
}
