package org.cvmj.uploader.bench;

import java.util.List;

/**
 * What {@link ModelsBench#run} measured.
 *
 * @param target the node, in words
 * @param settings what was run
 * @param mnistModel the MNIST model's address on that chain
 * @param mnistBytes its symbol and params bytes
 * @param precompileGas what the {@code infer} precompile charges per MNIST call (from {@code cvm_infer}, the
 *     author's fee included); the calling transaction's own gas comes on top
 * @param infer the infer workloads, in the order run
 * @param upload the upload rounds
 */
public record BenchReport(String target, BenchSettings settings, String mnistModel, long mnistBytes,
    long precompileGas, List<InferResult> infer, UploadThroughput upload) {
  public BenchReport {
    infer = List.copyOf(infer);
  }
}
