package org.cvmj.uploader.model;

/** Chunk {@code index} of {@code file}: bytes [64 KiB·index, 64 KiB·(index+1)) of it. */
public record Chunk(ModelFile file, int index) {
  /** The registry's chunk size, fixed by the chain (docs/models-on-chain.md). */
  public static final int SIZE = 65_536;

  /** The number of chunks of a file of {@code bytes} bytes. */
  public static int count(long bytes) {
    return (int) ((bytes + SIZE - 1) / SIZE);
  }

  @Override
  public String toString() {
    return file.fileName() + " chunk " + index;
  }
}
