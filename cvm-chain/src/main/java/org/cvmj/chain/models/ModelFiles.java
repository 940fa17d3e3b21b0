package org.cvmj.chain.models;

import java.io.ByteArrayOutputStream;
import org.cvmj.chain.crypto.Hash;

/** Reassembles a model file from the chunk hashes in the registry's storage and the bytes in a blob store. */
final class ModelFiles {
  private ModelFiles() {}

  /**
   * The bytes of {@code file}; every chunk must have been received. A chunk whose bytes the store lacks means the
   * node's database is damaged (the block that recorded the hash stored the bytes in the same batch).
   */
  static byte[] read(RegistryStorage storage, BlobStore blobs, ModelRecord m, ModelFile file) {
    int n = ModelLimits.chunks(m.size(file));
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) m.size(file));
    for (int i = 0; i < n; i++) {
      Hash h = storage.chunk(m.address(), file, i);
      if (h == null) {
        throw new IllegalStateException("chunk " + i + " of the " + file.fileName() + " of model " + m.address()
            + " was never received");
      }
      byte[] b = blobs.get(h);
      if (b == null) {
        throw new IllegalStateException("the blob store lacks chunk " + i + " (" + h + ") of the "
            + file.fileName() + " of model " + m.address() + "; the node's database is damaged");
      }
      out.writeBytes(b);
    }
    return out.toByteArray();
  }
}
