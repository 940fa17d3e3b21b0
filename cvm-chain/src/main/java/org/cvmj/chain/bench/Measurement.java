package org.cvmj.chain.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One workload's result: its rate in each round, in {@code unit}.
 *
 * @param workload what was measured
 * @param unit the rate's unit, e.g. {@code tx/s} or {@code Mgas/s}
 * @param rounds the rate of each round, in order
 */
public record Measurement(String workload, String unit, List<Double> rounds) {
  public Measurement {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException(workload + ": no rounds");
    }
    rounds = List.copyOf(rounds);
  }

  /** The median round (the mean of the middle two for an even count): robust to a noisy shared machine. */
  public double median() {
    List<Double> sorted = new ArrayList<>(rounds);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
