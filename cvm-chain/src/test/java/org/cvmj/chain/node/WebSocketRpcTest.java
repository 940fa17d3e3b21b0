package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.sol.ContractArtifact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebSocket JSON-RPC endpoint of a {@link LocalNode}: the same methods as HTTP, batches, subscriptions
 * ({@code newHeads}, {@code logs} with filters, removed logs on {@code evm_revert}), unsubscribing, and bad
 * messages, driven over the JDK's WebSocket client.
 */
class WebSocketRpcTest {
  static final ContractArtifact COUNTER = ContractArtifact.load("Counter");
  static final ContractArtifact TOKEN = ContractArtifact.load("Token");
  static final Address DEV0 = DevAccounts.address(0);
  static final Address DEV1 = DevAccounts.address(1);

  @TempDir
  Path dir;
  LocalNode node;
  JsonRpcClient http;
  WsTestClient ws;

  @BeforeEach
  void start() throws Exception {
    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    http = new JsonRpcClient(node.url());
    ws = new WsTestClient(node.wsUrl());
  }

  @AfterEach
  void stop() {
    ws.close();
    node.close();
  }

  /** Deploys a contract from DEV0 over HTTP; its address. */
  Address deploy(ContractArtifact artifact, Object... args) throws Exception {
    String hash = http.call("eth_sendTransaction", JsonRpcClient.object().put("from", DEV0.toString())
        .put("input", Hex.encode(artifact.deployData(args)))).asText();
    return Address.fromHex(http.call("eth_getTransactionReceipt", hash).get("contractAddress").asText());
  }

  /** Sends a contract call from {@code from} over HTTP (mined at once); the transaction hash. */
  String transact(Address from, Address to, byte[] data) throws Exception {
    return http.call("eth_sendTransaction", JsonRpcClient.object().put("from", from.toString())
        .put("to", to.toString()).put("input", Hex.encode(data))).asText();
  }

  static ObjectNode criteria() {
    return JsonRpcClient.object();
  }

  @Test
  void everyHttpMethodAnswersTheSameOverWebSocket() throws Exception {
    assertEquals(node.wsUrl(), "ws://127.0.0.1:" + node.wsPort());
    assertEquals(http.call("eth_chainId"), ws.call("eth_chainId"));
    assertEquals(http.call("eth_getBalance", DEV0.toString(), "latest"),
        ws.call("eth_getBalance", DEV0.toString(), "latest"));
    assertEquals(http.call("eth_getBlockByNumber", "0x0", true), ws.call("eth_getBlockByNumber", "0x0", true));

    // a transaction sent over WebSocket is mined at once, like over HTTP
    String hash = ws.call("eth_sendTransaction", JsonRpcClient.object().put("from", DEV0.toString())
        .put("to", DEV1.toString()).put("value", "0x1")).asText();
    assertEquals("0x1", ws.call("eth_getTransactionReceipt", hash).get("status").asText());
    assertEquals("0x1", http.call("eth_blockNumber").asText());

    JsonNode unknown = ws.request("eth_nope");
    assertEquals(-32601, unknown.get("error").get("code").asInt());
    assertEquals("the method eth_nope does not exist/is not available",
        unknown.get("error").get("message").asText());
  }

  @Test
  void batchesAndNotificationsOnlyBatches() throws Exception {
    ws.sendText("[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"eth_chainId\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_getBalance\",\"params\":[\"0x12\"]}]");
    JsonNode batch = ws.nextReply();
    assertTrue(batch.isArray(), batch.toString());
    assertEquals(3, batch.size(), batch.toString());
    assertEquals("0x539", batch.get(0).get("result").asText());
    assertEquals("a", batch.get(0).get("id").asText());
    assertEquals("0x0", batch.get(1).get("result").asText());
    assertEquals(-32602, batch.get(2).get("error").get("code").asInt());

    // a body of only notifications gets no answer at all: the next message answers the next request
    ws.sendText("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}");
    assertEquals("0x539", ws.call("eth_chainId").asText());
  }

  @Test
  void malformedMessagesGetJsonRpcErrorsAndTheConnectionLives() throws Exception {
    ws.sendText("{not json");
    JsonNode parse = ws.nextReply();
    assertEquals(-32700, parse.get("error").get("code").asInt());
    assertTrue(parse.get("id").isNull());
    ws.sendText("[]");
    assertEquals("empty batch", ws.nextReply().get("error").get("message").asText());
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}");
    assertEquals(-32600, ws.nextReply().get("error").get("code").asInt());
    JsonNode wrongType = ws.request("eth_getBalance", 12, "latest");
    assertEquals(-32602, wrongType.get("error").get("code").asInt());
    assertTrue(wrongType.get("error").get("message").asText().startsWith("invalid argument 0 (address)"),
        wrongType.toString());
    assertEquals("0x539", ws.call("eth_chainId").asText());
  }

  @Test
  void anOversizedMessageClosesOnlyThatConnection() throws Exception {
    try (WsTestClient other = new WsTestClient(node.wsUrl())) {
      String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[\""
          + "a".repeat(5 * 1024 * 1024) + "\"]}";
      ws.sendText(huge);
      WsTestClient.Close close = ws.awaitClose();
      assertEquals(1009, close.code(), close.toString());
      assertEquals("message too big: the limit is " + (5 * 1024 * 1024) + " bytes", close.reason());
      // the server and other connections go on
      assertEquals("0x539", other.call("eth_chainId").asText());
      try (WsTestClient fresh = new WsTestClient(node.wsUrl())) {
        assertEquals("0x539", fresh.call("eth_chainId").asText());
      }
    }
  }

  @Test
  void aTakenWebSocketPortFailsTheStartAndLeavesNothingOpen(@TempDir Path other) throws Exception {
    int httpPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      httpPort = probe.getLocalPort();
    }
    LocalNode.Settings clash = LocalNode.Settings.dev(other).withPorts(httpPort, node.wsPort());
    java.net.BindException e = assertThrows(java.net.BindException.class, () -> LocalNode.start(clash));
    assertTrue(e.getMessage().contains("cannot listen for WebSocket on 127.0.0.1:" + node.wsPort()), e.getMessage());
    // the HTTP port and the database were released: the same settings with a free WebSocket port start
    try (LocalNode second = LocalNode.start(clash.withPorts(httpPort, 0))) {
      assertEquals(httpPort, second.port());
      assertEquals("0x539", new WsTestClient(second.wsUrl()).call("eth_chainId").asText());
    }
    assertEquals("0x539", ws.call("eth_chainId").asText());
  }

  @Test
  void subscribeIsWebSocketOnly() throws Exception {
    JsonRpcClient.RpcError e = assertThrows(JsonRpcClient.RpcError.class,
        () -> http.call("eth_subscribe", "newHeads"));
    assertEquals(-32601, e.code);
    assertEquals("notifications not supported", e.getMessage());
    JsonRpcClient.RpcError u = assertThrows(JsonRpcClient.RpcError.class,
        () -> http.call("eth_unsubscribe", "0x1"));
    assertEquals(-32601, u.code);

    JsonNode kind = ws.request("eth_subscribe", "newPendingSomething");
    assertEquals(-32601, kind.get("error").get("code").asInt());
    assertEquals("no \"newPendingSomething\" subscription in eth namespace",
        kind.get("error").get("message").asText());
    JsonNode extra = ws.request("eth_subscribe", "newHeads", criteria());
    assertEquals(-32602, extra.get("error").get("code").asInt());
    JsonNode ranged = ws.request("eth_subscribe", "logs", criteria().put("fromBlock", "0x0"));
    assertEquals(-32602, ranged.get("error").get("code").asInt());
    assertTrue(ranged.get("error").get("message").asText().contains("fromBlock is not supported"),
        ranged.toString());
    assertEquals(0, node.subscriptions().size());
  }

  @Test
  void newHeadsNotifiesEachBlockWithItsHeader() throws Exception {
    String id = ws.call("eth_subscribe", "newHeads").asText();
    assertTrue(id.matches("0x[0-9a-f]{32}"), id);
    http.call("evm_mine");
    http.call("eth_sendTransaction", JsonRpcClient.object().put("from", DEV0.toString())
        .put("to", DEV1.toString()).put("value", "0x5"));
    for (int n = 1; n <= 2; n++) {
      JsonNode params = ws.nextNotification();
      assertEquals(id, params.get("subscription").asText());
      JsonNode head = params.get("result");
      JsonNode block = http.call("eth_getBlockByNumber", "0x" + n, false);
      assertEquals("0x" + n, head.get("number").asText());
      assertEquals(block.get("hash"), head.get("hash"));
      assertEquals(block.get("parentHash"), head.get("parentHash"));
      assertEquals(block.get("stateRoot"), head.get("stateRoot"));
      assertEquals(block.get("gasUsed"), head.get("gasUsed"));
      assertEquals(block.get("timestamp"), head.get("timestamp"));
      assertEquals(block.get("baseFeePerGas"), head.get("baseFeePerGas"));
      assertFalse(head.has("transactions"));
      assertFalse(head.has("uncles"));
      // every other field is the block's
      ObjectNode expected = ((ObjectNode) block.deepCopy());
      expected.remove(List.of("transactions", "uncles", "withdrawals", "size"));
      assertEquals(expected, head);
    }
  }

  @Test
  void logsSubscriptionsApplyAddressAndTopicFilters() throws Exception {
    Address counter = deploy(COUNTER, BigInteger.ZERO);
    Address token = deploy(TOKEN, "T", "T", BigInteger.valueOf(1000));
    String incremented = COUNTER.eventTopic("Incremented").toString();
    String transfer = TOKEN.eventTopic("Transfer").toString();
    String dev0Topic = ("0x" + "0".repeat(24) + DEV0.toString().substring(2)).toLowerCase(java.util.Locale.ROOT);
    String dev1Topic = ("0x" + "0".repeat(24) + DEV1.toString().substring(2)).toLowerCase(java.util.Locale.ROOT);

    String all = ws.call("eth_subscribe", "logs").asText();
    String counterOnly = ws.call("eth_subscribe", "logs", criteria().put("address", counter.toString())).asText();
    ObjectNode both = criteria();
    both.putArray("address").add(counter.toString()).add(token.toString());
    both.putArray("topics").add(incremented);
    String incrementedAnywhere = ws.call("eth_subscribe", "logs", both).asText();
    ObjectNode byRecipient = criteria();
    byRecipient.putArray("topics").add(transfer).addNull().add(dev1Topic);
    String toDev1 = ws.call("eth_subscribe", "logs", byRecipient).asText();
    String heads = ws.call("eth_subscribe", "newHeads").asText();

    // block 3: DEV0 increments the counter; block 4: DEV0 sends tokens to DEV1
    transact(DEV0, counter, COUNTER.encodeCall("increment"));
    transact(DEV0, token, TOKEN.encodeCall("transfer", DEV1, BigInteger.TEN));

    // per block, notifications come in subscription order and before the next block's
    JsonNode n = ws.nextNotification();
    assertEquals(all, n.get("subscription").asText());
    JsonNode log = n.get("result");
    assertEquals(counter, Address.fromHex(log.get("address").asText()));
    assertEquals(incremented, log.get("topics").get(0).asText());
    assertEquals(dev0Topic, log.get("topics").get(1).asText());
    assertEquals("0x3", log.get("blockNumber").asText());
    assertFalse(log.get("removed").asBoolean());
    JsonNode viaGetLogs = http.call("eth_getLogs", criteria().put("fromBlock", "0x3").put("toBlock", "0x3"));
    assertEquals(viaGetLogs.get(0), log);
    assertEquals(counterOnly, ws.nextNotification().get("subscription").asText());
    assertEquals(incrementedAnywhere, ws.nextNotification().get("subscription").asText());
    assertEquals(heads, ws.nextNotification().get("subscription").asText());

    JsonNode t = ws.nextNotification();
    assertEquals(all, t.get("subscription").asText());
    assertEquals(token, Address.fromHex(t.get("result").get("address").asText()));
    assertEquals(transfer, t.get("result").get("topics").get(0).asText());
    assertEquals(toDev1, ws.nextNotification().get("subscription").asText());
    assertEquals(heads, ws.nextNotification().get("subscription").asText());
  }

  @Test
  void revertSendsTheDiscardedLogsAsRemoved() throws Exception {
    Address counter = deploy(COUNTER, BigInteger.ZERO);
    String snapshot = http.call("evm_snapshot").asText();
    String logs = ws.call("eth_subscribe", "logs", criteria().put("address", counter.toString())).asText();
    String heads = ws.call("eth_subscribe", "newHeads").asText();
    transact(DEV0, counter, COUNTER.encodeCall("increment")); // block 2
    transact(DEV1, counter, COUNTER.encodeCall("increment")); // block 3
    JsonNode first = ws.nextNotification().get("result");
    assertEquals(heads, ws.nextNotification().get("subscription").asText());
    JsonNode second = ws.nextNotification().get("result");
    assertEquals(heads, ws.nextNotification().get("subscription").asText());

    assertTrue(http.call("evm_revert", snapshot).asBoolean());
    // the logs of blocks 2 and 3 come back, in chain order, marked removed; newHeads says nothing
    for (JsonNode before : List.of(first, second)) {
      JsonNode removed = ws.nextNotification();
      assertEquals(logs, removed.get("subscription").asText());
      ObjectNode expected = ((ObjectNode) before.deepCopy()).put("removed", true);
      assertEquals(expected, removed.get("result"));
    }
    http.call("evm_mine"); // the next block is number 2 again
    JsonNode next = ws.nextNotification();
    assertEquals(heads, next.get("subscription").asText());
    assertEquals("0x2", next.get("result").get("number").asText());
    assertNotEquals(first.get("blockHash"), next.get("result").get("hash"));
  }

  @Test
  void unsubscribeEndsASubscriptionOfThisConnectionOnly() throws Exception {
    String heads = ws.call("eth_subscribe", "newHeads").asText();
    String logs = ws.call("eth_subscribe", "logs").asText();
    try (WsTestClient other = new WsTestClient(node.wsUrl())) {
      JsonNode foreign = other.request("eth_unsubscribe", heads);
      assertEquals(-32000, foreign.get("error").get("code").asInt());
      assertEquals("subscription not found", foreign.get("error").get("message").asText());
    }
    assertTrue(ws.call("eth_unsubscribe", heads).asBoolean());
    assertEquals("subscription not found", ws.request("eth_unsubscribe", heads).get("error").get("message").asText());
    String heads2 = ws.call("eth_subscribe", "newHeads").asText();
    http.call("evm_mine");
    // the block's only notification goes to the new subscription (the logs one has nothing: no logs)
    assertEquals(heads2, ws.nextNotification().get("subscription").asText());
    assertEquals(2, node.subscriptions().size());
    assertTrue(ws.call("eth_unsubscribe", logs).asBoolean());
    assertEquals(1, node.subscriptions().size());
  }

  @Test
  void closingTheConnectionEndsItsSubscriptions() throws Exception {
    ws.call("eth_subscribe", "newHeads");
    ws.call("eth_subscribe", "logs");
    try (WsTestClient other = new WsTestClient(node.wsUrl())) {
      other.call("eth_subscribe", "newHeads");
      assertEquals(3, node.subscriptions().size());
    }
    // the server learns of the close asynchronously; wait for it (the deadline only guards against a hang)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsTestClient.TIMEOUT_SECONDS);
    while (node.subscriptions().size() != 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(2, node.subscriptions().size());
    http.call("evm_mine");
    assertEquals("0x1", ws.nextNotification().get("result").get("number").asText());
  }
}
