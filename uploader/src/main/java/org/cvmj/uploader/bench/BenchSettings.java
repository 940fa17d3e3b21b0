package org.cvmj.uploader.bench;

/**
 * How much {@link ModelsBench} runs.
 *
 * @param rounds rounds of each workload; the median is reported
 * @param calls infer transactions per round and workload
 * @param uploadBytes about how many params bytes the synthetic model of the upload rounds has
 * @param fee the author's fee per call of the MNIST model, in gas
 */
public record BenchSettings(int rounds, int calls, long uploadBytes, long fee) {
  public BenchSettings {
    if (rounds < 1 || calls < 1) {
      throw new IllegalArgumentException("rounds and calls must be at least 1, got " + rounds + " and " + calls);
    }
    if (uploadBytes < 1) {
      throw new IllegalArgumentException("the upload size must be positive, got " + uploadBytes + " bytes");
    }
    if (fee < 0) {
      throw new IllegalArgumentException("the fee must not be negative, got " + fee);
    }
  }

  /** 5 rounds of 200 calls and a 5 MB upload, fee 10,000 gas: about a minute and a half on 2 cores. */
  public static BenchSettings defaults() {
    return new BenchSettings(5, 200, 5_000_000, 10_000);
  }
}
