package org.cvmj.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Filter bookkeeping over a fake clock (no real waiting). */
class FilterTableTest {
  final FakeBackend node = new FakeBackend();
  final AtomicLong clock = new AtomicLong();
  final FilterTable filters = new FilterTable(node, clock::get, Duration.ofMinutes(5));

  @Test
  void idleFiltersExpireAndPolledOnesStay() {
    String polled = filters.newBlockFilter();
    String idle = filters.newBlockFilter();
    clock.addAndGet(Duration.ofMinutes(4).toNanos());
    assertTrue(filters.changes(polled).isPresent());
    clock.addAndGet(Duration.ofMinutes(2).toNanos());
    assertTrue(filters.changes(polled).isPresent());
    assertTrue(filters.changes(idle).isEmpty());
    assertEquals(1, filters.size());
  }

  @Test
  void logFilterRespectsItsNumericRange() {
    String f = filters.newLogFilter(new LogFilter(new BlockSelector.Number(3), new BlockSelector.Number(3), null,
        List.of(FakeBackend.TOKEN), List.of()));
    node.mine(OptionalLong.empty()); // block 2: before the range
    node.mine(OptionalLong.empty()); // block 3: in range
    node.mine(OptionalLong.empty()); // block 4: after
    FilterTable.Logs logs = (FilterTable.Logs) filters.changes(f).orElseThrow();
    assertEquals(List.of(3L), logs.logs().stream().map(LogView::blockNumber).toList());
    assertEquals(List.of(3L), filters.allLogs(f).orElseThrow().stream().map(LogView::blockNumber).toList());
  }

  @Test
  void blockFilterIdsAreNotLogFilters() {
    String b = filters.newBlockFilter();
    assertTrue(filters.allLogs(b).isEmpty());
    assertTrue(filters.uninstall(b));
  }
}
