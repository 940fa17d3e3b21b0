package org.cvmj.cvm.exec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.cvmj.cvm.op.Parallel;

/**
 * A {@link Parallel} over a fixed set of threads. A range is cut into one contiguous chunk per thread and
 * the caller runs chunk 0 itself; chunks only ever write disjoint outputs, so the thread count never
 * changes a result.
 *
 * <p>A model runs dozens of parallel regions per inference, each a few tens of microseconds long, so
 * hand-off latency matters more than anything: workers spin briefly on a generation counter before they
 * park, instead of going through an executor queue.
 */
final class ThreadPool implements Parallel, AutoCloseable {
  /** Below this many inner-loop steps a hand-off costs more than it saves. */
  private static final long MIN_PARALLEL_COST = 1 << 15;
  private static final long SPIN_NANOS = 100_000;

  private final int threads;
  private final Thread[] workers;
  private volatile int generation;
  private volatile boolean closed;
  private volatile RangeBody body;
  private volatile int n;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile Throwable failure;

  ThreadPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.workers = new Thread[threads - 1];
    for (int i = 0; i < workers.length; i++) {
      int chunk = i + 1;
      workers[i] = new Thread(() -> work(chunk), "cvm-worker-" + chunk);
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  @Override
  public void forRange(int n, long costPerItem, RangeBody body) {
    if (workers.length == 0 || n < threads || (long) n * Math.max(1, costPerItem) < MIN_PARALLEL_COST) {
      SERIAL.forRange(n, costPerItem, body);
      return;
    }
    this.body = body;
    this.n = n;
    this.failure = null;
    pending.set(workers.length);
    generation++;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
    body.run(0, bound(n, 0));
    while (pending.get() > 0) {
      Thread.onSpinWait();
    }
    this.body = null;
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("a worker failed", f);
    }
  }

  private int bound(int n, int chunk) {
    return (int) ((long) n * (chunk + 1) / threads);
  }

  private void work(int chunk) {
    int seen = 0;
    while (true) {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (generation == seen && !closed) {
        if (System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      int total = n;
      try {
        body.run((int) ((long) total * chunk / threads), bound(total, chunk));
      } catch (Throwable t) {
        failure = t;
      } finally {
        pending.decrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
  }
}
