package org.cvmj.chain.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.cvmj.chain.crypto.Hash;

/**
 * The polling filters of {@code eth_newFilter}, {@code eth_newBlockFilter}, {@code eth_getFilterChanges},
 * {@code eth_getFilterLogs} and {@code eth_uninstallFilter}, kept over plain {@link NodeBackend} queries. Like
 * geth, a filter reports what arrives after it was installed (blocks, or logs of new blocks within its range) and
 * is removed when not polled for {@link #DEFAULT_IDLE_TIMEOUT}; ids are QUANTITY strings. The table holds at most
 * {@link #MAX_FILTERS}.
 *
 * <p>As a {@link ChainListener} (the node adds it) the table follows rewinds ({@code evm_revert}): a filter then
 * resumes from the block after the new head, so re-mined block numbers are reported again, and a log filter's
 * next poll first returns the matching logs of the discarded blocks with {@code removed: true}, as geth reports a
 * reorganisation. Without the listener, polling still works but misses both.
 */
public final class FilterTable implements ChainListener {
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
  public static final int MAX_FILTERS = 10_000;

  private sealed interface Filter permits BlockFilter, LogsFilter {}

  private static final class BlockFilter implements Filter {
    long nextBlock;
    long lastUsed;
  }

  private static final class LogsFilter implements Filter {
    final LogFilter criteria;
    final List<LogView> removed = new ArrayList<>();
    long nextBlock;
    long lastUsed;

    LogsFilter(LogFilter criteria) {
      this.criteria = criteria;
    }
  }

  /** What a poll returns: block hashes for a block filter, logs for a log filter. */
  public sealed interface Changes {}

  public record BlockHashes(List<Hash> hashes) implements Changes {}

  public record Logs(List<LogView> logs) implements Changes {}

  private final NodeBackend backend;
  private final LongSupplier nanoClock;
  private final long idleNanos;
  private final Map<String, Filter> filters = new HashMap<>();
  private long nextId = 1;

  public FilterTable(NodeBackend backend) {
    this(backend, System::nanoTime, DEFAULT_IDLE_TIMEOUT);
  }

  /** With an explicit monotonic clock in nanoseconds (tests pass a fake one) and idle timeout. */
  public FilterTable(NodeBackend backend, LongSupplier nanoClock, Duration idleTimeout) {
    this.backend = backend;
    this.nanoClock = nanoClock;
    this.idleNanos = idleTimeout.toNanos();
  }

  public synchronized String newBlockFilter() {
    BlockFilter f = new BlockFilter();
    f.nextBlock = backend.blockNumber() + 1;
    return install(f);
  }

  public synchronized String newLogFilter(LogFilter criteria) {
    LogsFilter f = new LogsFilter(criteria);
    f.nextBlock = backend.blockNumber() + 1;
    return install(f);
  }

  /** The changes since the last poll, or empty when there is no such filter (it may have expired). */
  public synchronized Optional<Changes> changes(String id) {
    Filter f = live(id);
    if (f == null) {
      return Optional.empty();
    }
    long head = backend.blockNumber();
    if (f instanceof BlockFilter b) {
      b.lastUsed = nanoClock.getAsLong();
      List<Hash> hashes = new ArrayList<>();
      for (long n = b.nextBlock; n <= head; n++) {
        backend.block(new BlockSelector.Number(n)).ifPresent(block -> hashes.add(block.hash()));
      }
      b.nextBlock = Math.max(b.nextBlock, head + 1);
      return Optional.of(new BlockHashes(hashes));
    }
    LogsFilter l = (LogsFilter) f;
    l.lastUsed = nanoClock.getAsLong();
    List<LogView> logs = new ArrayList<>(l.removed);
    l.removed.clear();
    if (l.criteria.blockHash() == null) {
      long from = l.nextBlock;
      long to = head;
      if (l.criteria.fromBlock() instanceof BlockSelector.Number n) {
        from = Math.max(from, n.number());
      }
      if (l.criteria.toBlock() instanceof BlockSelector.Number n) {
        to = Math.min(to, n.number());
      }
      if (from <= to) {
        logs.addAll(backend.logs(l.criteria.withRange(from, to)));
      }
    }
    l.nextBlock = Math.max(l.nextBlock, head + 1);
    return Optional.of(new Logs(logs));
  }

  /** Moves filters back on a rewind and keeps the removed logs each log filter must report; see the class comment. */
  @Override
  public synchronized void onChainEvent(ChainEvent event) {
    if (!(event instanceof ChainEvent.Rewound r)) {
      return; // new blocks are read from the backend when polled
    }
    for (Filter f : filters.values()) {
      if (f instanceof BlockFilter b) {
        b.nextBlock = Math.min(b.nextBlock, r.headNumber() + 1);
        continue;
      }
      LogsFilter l = (LogsFilter) f;
      for (LogView log : r.removedLogs()) {
        // only logs the filter already reported (before nextBlock) need taking back
        if (log.blockNumber() < l.nextBlock && inRange(l.criteria, log.blockNumber()) && l.criteria.matches(log)) {
          l.removed.add(log);
        }
      }
      l.nextBlock = Math.min(l.nextBlock, r.headNumber() + 1);
    }
  }

  private static boolean inRange(LogFilter criteria, long block) {
    if (criteria.blockHash() != null) {
      return false;
    }
    return !(criteria.fromBlock() instanceof BlockSelector.Number n && block < n.number())
        && !(criteria.toBlock() instanceof BlockSelector.Number m && block > m.number());
  }

  /** All logs matching a log filter ({@code eth_getFilterLogs}); empty when there is no such log filter. */
  public synchronized Optional<List<LogView>> allLogs(String id) {
    if (!(live(id) instanceof LogsFilter l)) {
      return Optional.empty();
    }
    l.lastUsed = nanoClock.getAsLong();
    return Optional.of(backend.logs(l.criteria));
  }

  public synchronized boolean uninstall(String id) {
    expire();
    return filters.remove(id) != null;
  }

  /** Filters currently installed (after expiring idle ones). */
  public synchronized int size() {
    expire();
    return filters.size();
  }

  private String install(Filter f) {
    expire();
    if (filters.size() >= MAX_FILTERS) {
      throw RpcException.serverError("too many filters installed (" + MAX_FILTERS
          + "); uninstall unused ones with eth_uninstallFilter");
    }
    long now = nanoClock.getAsLong();
    if (f instanceof BlockFilter b) {
      b.lastUsed = now;
    } else {
      ((LogsFilter) f).lastUsed = now;
    }
    String id = EthHex.quantity(nextId++);
    filters.put(id, f);
    return id;
  }

  private Filter live(String id) {
    expire();
    return filters.get(id);
  }

  private void expire() {
    long now = nanoClock.getAsLong();
    filters.values().removeIf(f -> now - lastUsed(f) > idleNanos);
  }

  private static long lastUsed(Filter f) {
    return f instanceof BlockFilter b ? b.lastUsed : ((LogsFilter) f).lastUsed;
  }
}
