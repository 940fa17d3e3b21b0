package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;

/**
 * The answer to {@code eth_feeHistory}: for blocks {@code oldestBlock..oldestBlock+n-1}, the base fee of each and
 * of the next block ({@code n+1} entries), the gas used ratio of each ({@code n}), and, when percentiles were
 * asked for, the priority fee reward at each percentile per block ({@code n} lists, else null).
 */
public record FeeHistory(
    long oldestBlock, List<BigInteger> baseFeePerGas, List<Double> gasUsedRatio, List<List<BigInteger>> reward) {

  public FeeHistory {
    baseFeePerGas = List.copyOf(baseFeePerGas);
    gasUsedRatio = List.copyOf(gasUsedRatio);
    reward = reward == null ? null : reward.stream().map(List::copyOf).toList();
  }
}
