package org.cvmj.cvm.exec;

import java.util.Arrays;
import org.cvmj.cvm.model.Model;

/**
 * Measures single-inference latency: warm-up runs for the JIT, then timed runs, reported as median and
 * 90th percentile. A benchmark, not a test: it reads the clock, which nothing in the integer path does.
 */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  /** Latencies in microseconds. */
  public record Result(int threads, int runs, double medianMicros, double p90Micros, double minMicros) {}

  public static Result measure(Model model, int[] input, int threads, int warmup, int runs) {
    try (Executor ex = new Executor(model, threads)) {
      for (int i = 0; i < warmup; i++) {
        ex.run(input);
      }
      long[] nanos = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        ex.run(input);
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      return new Result(threads, runs, nanos[runs / 2] / 1e3, nanos[(int) (runs * 0.9)] / 1e3, nanos[0] / 1e3);
    }
  }
}
