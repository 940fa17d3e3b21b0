package org.cvmj.chain.models;

import org.cvmj.chain.crypto.Hash;

/** Content-addressed bytes: every blob is stored under its keccak256. The chunks of uploaded model files. */
public interface BlobStore {
  /** The blob with this keccak256, or null when it is not stored. */
  byte[] get(Hash key);

  /** Stores {@code blob} and returns its keccak256. Storing the same bytes twice is harmless. */
  Hash put(byte[] blob);
}
