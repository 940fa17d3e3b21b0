package org.cvmj.chain.rpc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the daemon threads on which a node runs EVM code: RPC request handlers (HTTP and WebSocket), which
 * execute {@code eth_call}, {@code eth_estimateGas} and, with automine, whole blocks, and the interval miner.
 * The interpreter recurses on the Java stack once per call frame, and 1024 nested frames (the EVM's depth
 * limit) overflow a default stack, above all while the JIT has not compiled the interpreter yet; so each thread
 * gets {@link #STACK_BYTES}, the size the state-test runner uses. Only the touched part of a stack is backed by
 * memory.
 */
public final class DeepStackThreads implements ThreadFactory {
  /** The stack of every thread made here: 512 MiB of address space. */
  public static final long STACK_BYTES = 512L << 20;

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
  public DeepStackThreads(String prefix) {
    this.prefix = prefix;
  }

  /**
   * A fixed pool of {@code threads} such threads with a queue of {@code queueLength} tasks. When both are full,
   * the submitting thread waits for room (back-pressure on whoever accepts the work) instead of running the task
   * itself: submitters are transport threads (the JDK HTTP dispatcher, WebSocket decoders) with ordinary stacks.
   */
  public static ThreadPoolExecutor pool(String prefix, int threads, int queueLength) {
    return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueLength),
        new DeepStackThreads(prefix), (task, pool) -> {
          try {
            while (!pool.getQueue().offer(task, 100, TimeUnit.MILLISECONDS)) {
              if (pool.isShutdown()) {
                throw new RejectedExecutionException("the " + prefix + " pool is shut down");
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for room in the " + prefix + " pool");
          }
        });
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(null, r, prefix + "-" + count.incrementAndGet(), STACK_BYTES);
    t.setDaemon(true);
    return t;
  }
}
