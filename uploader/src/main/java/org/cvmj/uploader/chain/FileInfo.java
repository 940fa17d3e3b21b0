package org.cvmj.uploader.chain;

import java.util.Arrays;

/**
 * {@code modelFiles(model)}: the registered hashes and sizes, and upload progress over both files.
 *
 * @param symbolHash keccak256 of the symbol file, as registered
 * @param symbolSize its size in bytes
 * @param paramsHash keccak256 of the params file, as registered
 * @param paramsSize its size in bytes
 * @param chunksReceived chunks of both files received so far
 * @param chunksTotal chunks of both files
 */
public record FileInfo(byte[] symbolHash, long symbolSize, byte[] paramsHash, long paramsSize, int chunksReceived,
    int chunksTotal) {
  /** Whether the registration declared exactly these two files. */
  public boolean declares(byte[] symbolHash, long symbolSize, byte[] paramsHash, long paramsSize) {
    return Arrays.equals(this.symbolHash, symbolHash) && this.symbolSize == symbolSize
        && Arrays.equals(this.paramsHash, paramsHash) && this.paramsSize == paramsSize;
  }
}
