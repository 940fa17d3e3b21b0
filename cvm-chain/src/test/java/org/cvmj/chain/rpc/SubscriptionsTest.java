package org.cvmj.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.junit.jupiter.api.Test;

/** {@link Subscriptions} against a fake connection: holding before activation, filtering, and slow clients. */
class SubscriptionsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
  static final Hash T1 = new Hash(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0});

  /** A connection that records what it is sent and reports a backlog the test sets. */
  static final class FakeConnection implements Subscriber {
    final List<String> sent = new ArrayList<>();
    int backlog;
    String disconnected;

    @Override
    public void send(String message) {
      sent.add(message);
    }

    @Override
    public int backlog() {
      return backlog;
    }

    @Override
    public void disconnect(String reason) {
      disconnected = reason;
    }

    JsonNode message(int i) throws Exception {
      return JSON.readTree(sent.get(i));
    }
  }

  static BlockView block(long number) {
    return new BlockView(number, Hash.ZERO, Hash.ZERO, new byte[8], Hash.ZERO, new byte[256], Hash.ZERO, Hash.ZERO,
        Hash.ZERO, A, BigInteger.ZERO, new byte[0], 100, 30_000_000, 0, 1000 + number, Hash.ZERO, BigInteger.ONE,
        null, null, null, null, List.of(), List.of());
  }

  static LogView log(Address address, long block, int index) {
    return new LogView(address, List.of(T1), new byte[] {7}, block, Hash.ZERO, 0, Hash.ZERO, index, false);
  }

  @Test
  void notificationsWaitForActivationAndKeepChainOrder() throws Exception {
    Subscriptions subs = new Subscriptions();
    FakeConnection c = new FakeConnection();
    String id = subs.subscribeNewHeads(c);
    subs.onChainEvent(new ChainEvent.NewBlock(block(1), List.of()));
    assertEquals(0, c.sent.size()); // the client does not know the id yet
    subs.activate(c, id);
    subs.onChainEvent(new ChainEvent.NewBlock(block(2), List.of()));
    assertEquals(2, c.sent.size());
    JsonNode first = c.message(0);
    assertEquals("eth_subscription", first.get("method").asText());
    assertEquals("2.0", first.get("jsonrpc").asText());
    assertEquals(id, first.get("params").get("subscription").asText());
    assertEquals("0x1", first.get("params").get("result").get("number").asText());
    assertEquals("0x2", c.message(1).get("params").get("result").get("number").asText());
  }

  @Test
  void logsFollowTheFilterAndRemovedLogsAreSentOnARewind() throws Exception {
    Subscriptions subs = new Subscriptions();
    FakeConnection c = new FakeConnection();
    String onlyB = subs.subscribeLogs(c, new LogFilter(null, null, null, List.of(B), List.of()));
    subs.activate(c, onlyB);
    subs.onChainEvent(new ChainEvent.NewBlock(block(1), List.of(log(A, 1, 0), log(B, 1, 1), log(B, 1, 2))));
    assertEquals(2, c.sent.size());
    assertEquals("0x1", c.message(0).get("params").get("result").get("logIndex").asText());
    assertEquals("0x2", c.message(1).get("params").get("result").get("logIndex").asText());
    LogView removed = new LogView(B, List.of(T1), new byte[] {7}, 1, Hash.ZERO, 0, Hash.ZERO, 1, true);
    subs.onChainEvent(new ChainEvent.Rewound(0, List.of(removed)));
    assertEquals(3, c.sent.size());
    assertTrue(c.message(2).get("params").get("result").get("removed").asBoolean());
  }

  @Test
  void aClientThatLagsTooFarIsDisconnectedAndOthersGoOn() {
    Subscriptions subs = new Subscriptions();
    FakeConnection slow = new FakeConnection();
    FakeConnection fast = new FakeConnection();
    subs.activate(slow, subs.subscribeNewHeads(slow));
    subs.activate(fast, subs.subscribeNewHeads(fast));
    slow.backlog = Subscriptions.MAX_BACKLOG - 1;
    subs.onChainEvent(new ChainEvent.NewBlock(block(1), List.of()));
    assertEquals(1, slow.sent.size());
    slow.backlog = Subscriptions.MAX_BACKLOG;
    subs.onChainEvent(new ChainEvent.NewBlock(block(2), List.of()));
    assertEquals(1, slow.sent.size());
    assertEquals("client too slow: " + Subscriptions.MAX_BACKLOG + " notifications not yet read", slow.disconnected);
    assertEquals(2, fast.sent.size());
    assertEquals(1, subs.size()); // the slow connection's subscription is gone
  }

  @Test
  void unsubscribeAndCloseEndSubscriptions() {
    Subscriptions subs = new Subscriptions();
    FakeConnection c = new FakeConnection();
    FakeConnection d = new FakeConnection();
    String id = subs.subscribeNewHeads(c);
    subs.subscribeLogs(c, new LogFilter(null, null, null, List.of(), List.of()));
    subs.subscribeNewHeads(d);
    assertEquals(false, subs.unsubscribe(d, id)); // not d's
    assertEquals(true, subs.unsubscribe(c, id));
    assertEquals(false, subs.unsubscribe(c, id));
    assertEquals(2, subs.size());
    subs.closed(c);
    assertEquals(1, subs.size());
  }
}
