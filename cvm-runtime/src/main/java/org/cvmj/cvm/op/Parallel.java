package org.cvmj.cvm.op;

/**
 * Splits independent output ranges over threads. A kernel hands it a range of output indices and a body
 * that writes only those outputs, so the result is the same bytes for every thread count.
 */
public interface Parallel {

  /** Work on the half-open range {@code [from, to)} of output indices. */
  @FunctionalInterface
  interface RangeBody {
    void run(int from, int to);
  }

  /**
   * Runs {@code body} over {@code [0, n)} in contiguous chunks. {@code costPerItem} is a rough number of
   * inner-loop steps per item; small jobs stay on the calling thread because handing them off costs more
   * than they do.
   */
  void forRange(int n, long costPerItem, RangeBody body);

  /** Runs everything on the calling thread. */
  Parallel SERIAL = (n, cost, body) -> {
    if (n > 0) {
      body.run(0, n);
    }
  };
}
