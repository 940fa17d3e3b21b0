package org.cvmj.chain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eth_subscribe} subscriptions of all connections, fed by a node's {@link ChainEvent}s.
 *
 * <ul>
 *   <li>{@code newHeads}: one notification per new block, its header as {@code eth_getBlockByNumber} shows it
 *       without {@code transactions}, {@code uncles}, {@code withdrawals} and {@code size} (geth's header form).
 *       A rewind ({@code evm_revert}) sends none; the next block mined after it is announced as usual, with a
 *       number at or below earlier ones.
 *   <li>{@code logs}: one notification per log of a new block that passes the subscription's address and topic
 *       criteria ({@link LogFilter#matches}, the same test as {@code eth_getLogs}); on a rewind, one per matching
 *       log of the discarded blocks, in chain order, with {@code removed: true}, as geth does on a reorg.
 * </ul>
 *
 * Notifications are {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":ID,"result":R}}}
 * and reach each connection in chain order. Ids are 128 random bits in hex, so one client cannot guess
 * another's; they mean nothing to consensus. A subscription delivers only after its {@code eth_subscribe}
 * response was sent ({@link CallContext#replied()}); what arrives before is held until then.
 *
 * <p>Slow clients: delivery only queues messages on the connection and never waits. A connection with
 * {@link #MAX_BACKLOG} messages still unwritten to its socket is closed (its subscriptions end) rather than
 * allowed to hold memory without bound or to delay block production. A connection may hold at most
 * {@link #MAX_PER_CONNECTION} subscriptions.
 */
public final class Subscriptions implements ChainListener {
  /** Messages queued for one connection beyond which it is closed as too slow. */
  public static final int MAX_BACKLOG = 10_000;
  /** Subscriptions one connection may hold. */
  public static final int MAX_PER_CONNECTION = 1_000;

  private static final class Subscription {
    final String id;
    final LogFilter logs; // null for newHeads
    final List<String> held = new ArrayList<>();
    boolean active;

    Subscription(String id, LogFilter logs) {
      this.id = id;
      this.logs = logs;
    }
  }

  private final Map<Subscriber, Map<String, Subscription>> bySubscriber = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Starts a {@code newHeads} subscription for {@code subscriber}, inactive until {@link #activate}; its id. */
  public synchronized String subscribeNewHeads(Subscriber subscriber) {
    return add(subscriber, null);
  }

  /** Starts a {@code logs} subscription with the address and topic criteria of {@code filter}; its id. */
  public synchronized String subscribeLogs(Subscriber subscriber, LogFilter filter) {
    return add(subscriber, filter);
  }

  /** Sends what the subscription held since it was made, and from now on delivers at once. */
  public synchronized void activate(Subscriber subscriber, String id) {
    Map<String, Subscription> subs = bySubscriber.get(subscriber);
    Subscription s = subs == null ? null : subs.get(id);
    if (s == null || s.active) {
      return;
    }
    s.active = true;
    s.held.forEach(subscriber::send);
    s.held.clear();
  }

  /** Ends one of {@code subscriber}'s subscriptions; false when it has none with this id. */
  public synchronized boolean unsubscribe(Subscriber subscriber, String id) {
    Map<String, Subscription> subs = bySubscriber.get(subscriber);
    if (subs == null || subs.remove(id) == null) {
      return false;
    }
    if (subs.isEmpty()) {
      bySubscriber.remove(subscriber);
    }
    return true;
  }

  /** The connection closed: ends all its subscriptions. */
  public synchronized void closed(Subscriber subscriber) {
    bySubscriber.remove(subscriber);
  }

  /** Subscriptions currently open, over all connections. */
  public synchronized int size() {
    int n = 0;
    for (Map<String, Subscription> subs : bySubscriber.values()) {
      n += subs.size();
    }
    return n;
  }

  @Override
  public void onChainEvent(ChainEvent event) {
    JsonNode header = event instanceof ChainEvent.NewBlock b ? EthJson.header(b.block()) : null;
    List<LogView> logs = event instanceof ChainEvent.NewBlock b ? b.logs()
        : ((ChainEvent.Rewound) event).removedLogs();
    List<Subscriber> lagging = new ArrayList<>();
    synchronized (this) {
      for (Map.Entry<Subscriber, Map<String, Subscription>> e : bySubscriber.entrySet()) {
        if (!deliverAll(e.getKey(), e.getValue(), header, logs)) {
          lagging.add(e.getKey());
        }
      }
      lagging.forEach(bySubscriber::remove);
    }
    // outside the lock: closing a connection calls back into closed(), possibly from the library's own thread
    // while it holds the connection's lock
    for (Subscriber s : lagging) {
      s.disconnect("client too slow: " + MAX_BACKLOG + " notifications not yet read");
    }
  }

  /** False when the subscriber lags too far to take more. */
  private static boolean deliverAll(Subscriber subscriber, Map<String, Subscription> subs, JsonNode header,
      List<LogView> logs) {
    for (Subscription s : subs.values()) {
      if (s.logs == null) {
        if (header != null && !deliver(subscriber, s, header)) {
          return false;
        }
        continue;
      }
      for (LogView log : logs) {
        if (s.logs.matches(log) && !deliver(subscriber, s, EthJson.log(log))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean deliver(Subscriber subscriber, Subscription s, JsonNode result) {
    if (s.active ? subscriber.backlog() >= MAX_BACKLOG : s.held.size() >= MAX_BACKLOG) {
      return false;
    }
    String message = notification(s.id, result);
    if (s.active) {
      subscriber.send(message);
    } else {
      s.held.add(message);
    }
    return true;
  }

  private String add(Subscriber subscriber, LogFilter filter) {
    Map<String, Subscription> subs = bySubscriber.computeIfAbsent(subscriber, k -> new LinkedHashMap<>());
    if (subs.size() >= MAX_PER_CONNECTION) {
      throw RpcException.serverError("too many subscriptions on this connection (" + MAX_PER_CONNECTION
          + "); end unused ones with eth_unsubscribe");
    }
    String id;
    do {
      byte[] b = new byte[16];
      random.nextBytes(b);
      id = "0x" + HexFormat.of().formatHex(b);
    } while (subs.containsKey(id));
    subs.put(id, new Subscription(id, filter));
    return id;
  }

  static String notification(String id, JsonNode result) {
    ObjectNode o = EthJson.F.objectNode();
    o.put("jsonrpc", "2.0");
    o.put("method", "eth_subscription");
    ObjectNode params = o.putObject("params");
    params.put("subscription", id);
    params.set("result", result);
    try {
      return RpcDispatcher.JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of strings and numbers always encodes
    }
  }
}
