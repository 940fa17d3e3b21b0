package org.cvmj.mrt.nn;

import java.util.stream.IntStream;

/**
 * Runs a loop over independent items (images of a batch, rows of an output) on the common fork-join pool,
 * cut into one contiguous chunk per processor. Chunks write disjoint outputs and no item's arithmetic
 * depends on the cut, so results are the same for every thread count.
 */
final class BatchSplit {
  /** Below this much work (items times cost per item) a hand-off costs more than it saves. */
  private static final long MIN_PARALLEL_WORK = 1L << 16;

  @FunctionalInterface
  interface Range {
    void run(int from, int to);
  }

  private BatchSplit() {}

  static void run(int n, long costPerItem, Range body) {
    int parts = Math.min(n, Runtime.getRuntime().availableProcessors());
    if (parts <= 1 || (long) n * Math.max(1, costPerItem) < MIN_PARALLEL_WORK) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    IntStream.range(0, parts).parallel().forEach(p -> body.run(bound(n, parts, p), bound(n, parts, p + 1)));
  }

  private static int bound(int n, int parts, int p) {
    return (int) ((long) n * p / parts);
  }
}
