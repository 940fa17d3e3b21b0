package org.cvmj.uploader.bench;

import org.cvmj.chain.bench.Measurement;

/**
 * One infer workload's result.
 *
 * @param rate transactions per second in each round, from the first send to the last receipt
 * @param gasMin the least gas one of its transactions used (from the receipts)
 * @param gasMax the most gas one of its transactions used (call data with fewer zero bytes costs a little more)
 * @param transactions how many transactions all its rounds sent, every one checked for status 1
 */
public record InferResult(Measurement rate, long gasMin, long gasMax, int transactions) {
  public String workload() {
    return rate.workload();
  }
}
