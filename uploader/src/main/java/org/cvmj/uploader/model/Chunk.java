package org.cvmj.uploader.model;

import org.cvmj.chain.models.ModelFile;
import org.cvmj.chain.models.ModelLimits;

/** Chunk {@code index} of {@code file}: bytes [64 KiB·index, 64 KiB·(index+1)) of it. */
public record Chunk(ModelFile file, int index) {
  /** The registry's chunk size, fixed by the chain (docs/models-on-chain.md). */
  public static final int SIZE = ModelLimits.CHUNK_SIZE;

  /** The number of chunks of a file of {@code bytes} bytes. */
  public static int count(long bytes) {
    return (int) ((bytes + SIZE - 1) / SIZE);
  }

  @Override
  public String toString() {
    return file.fileName() + " chunk " + index;
  }
}
