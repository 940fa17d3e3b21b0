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
  void aRewindReplaysBlockNumbersAndReportsRemovedLogs() {
    String blocks = filters.newBlockFilter();
    String logs = filters.newLogFilter(new LogFilter(null, null, null, List.of(FakeBackend.TOKEN), List.of()));
    node.mine(OptionalLong.empty()); // block 2, with a TOKEN log
    node.mine(OptionalLong.empty()); // block 3, with a TOKEN log
    FilterTable.Logs before = (FilterTable.Logs) filters.changes(logs).orElseThrow();
    assertEquals(List.of(2L, 3L), before.logs().stream().map(LogView::blockNumber).toList());
    assertEquals(2, ((FilterTable.BlockHashes) filters.changes(blocks).orElseThrow()).hashes().size());

    // the node rewinds to block 1 (dropping 2 and 3) and mines a new block 2
    LogView gone2 = before.logs().get(0);
    LogView gone3 = before.logs().get(1);
    filters.onChainEvent(new ChainEvent.Rewound(1, List.of(removed(gone2), removed(gone3))));
    node.blocks.subList(2, node.blocks.size()).clear();
    node.mine(OptionalLong.empty());

    FilterTable.Logs after = (FilterTable.Logs) filters.changes(logs).orElseThrow();
    // (LogView holds an array, so compare what identifies a log)
    assertEquals(List.of("2 " + gone2.blockHash() + " removed", "3 " + gone3.blockHash() + " removed",
        "2 " + node.blocks.get(2).hash() + " added"), after.logs().stream().map(l -> l.blockNumber() + " "
        + l.blockHash() + (l.removed() ? " removed" : " added")).toList());
    FilterTable.BlockHashes replayed = (FilterTable.BlockHashes) filters.changes(blocks).orElseThrow();
    assertEquals(List.of(node.blocks.get(2).hash()), replayed.hashes());
  }

  static LogView removed(LogView l) {
    return new LogView(l.address(), l.topics(), l.data(), l.blockNumber(), l.transactionHash(),
        l.transactionIndex(), l.blockHash(), l.logIndex(), true);
  }

  @Test
  void blockFilterIdsAreNotLogFilters() {
    String b = filters.newBlockFilter();
    assertTrue(filters.allLogs(b).isEmpty());
    assertTrue(filters.uninstall(b));
  }
}
