package org.cvmj.cvm.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ExecutionException;
import org.cvmj.cvm.op.Parallel;

/**
 * A {@link Parallel} over a fixed number of threads. Ranges are cut into one contiguous chunk per thread
 * and the caller runs the first chunk itself; chunks only ever write disjoint outputs.
 */
final class ThreadPool implements Parallel, AutoCloseable {
  /** Below this many inner-loop steps a hand-off costs more than it saves. */
  private static final long MIN_PARALLEL_COST = 1 << 16;

  private final int threads;
  private final ExecutorService pool;

  ThreadPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    ThreadFactory daemon = r -> {
      Thread t = new Thread(r, "cvm-worker");
      t.setDaemon(true);
      return t;
    };
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemon);
  }

  @Override
  public void forRange(int n, long costPerItem, RangeBody body) {
    int chunks = (int) Math.min(threads, n);
    if (pool == null || chunks < 2 || n * Math.max(1, costPerItem) < MIN_PARALLEL_COST) {
      SERIAL.forRange(n, costPerItem, body);
      return;
    }
    @SuppressWarnings("unchecked")
    Future<?>[] pending = new Future<?>[chunks - 1];
    for (int c = 1; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      pending[c - 1] = pool.submit(() -> body.run(from, to));
    }
    body.run(0, (int) ((long) n / chunks));
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a worker", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a worker failed", e.getCause());
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
