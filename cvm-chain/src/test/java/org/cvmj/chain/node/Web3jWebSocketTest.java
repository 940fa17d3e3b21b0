package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactivex.disposables.Disposable;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.sol.ContractArtifact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHeadsNotification;

/** web3j's own WebSocket client against the node: requests, a batch, and newHeads and logs subscriptions. */
class Web3jWebSocketTest {
  static final ContractArtifact COUNTER = ContractArtifact.load("Counter");
  static final long TIMEOUT_SECONDS = 60;

  @TempDir
  Path dir;
  LocalNode node;
  WebSocketService service;
  Web3j web3j;

  @BeforeEach
  void start() throws Exception {
    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    service = new WebSocketService(node.wsUrl(), false);
    service.connect();
    web3j = Web3j.build(service);
  }

  @AfterEach
  void stop() {
    web3j.shutdown();
    node.close();
  }

  /** Waits until the node holds {@code n} subscriptions (web3j subscribes asynchronously). */
  void awaitSubscriptions(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS); // a hang guard only
    while (node.subscriptions().size() != n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(n, node.subscriptions().size());
  }

  @Test
  void requestsAndABatchThroughWeb3j() throws Exception {
    assertEquals(BigInteger.valueOf(1337), web3j.ethChainId().send().getChainId());
    assertEquals(BigInteger.ZERO, web3j.ethBlockNumber().send().getBlockNumber());
    BatchResponse batch = web3j.newBatch().add(web3j.ethChainId()).add(web3j.ethBlockNumber()).send();
    assertEquals(2, batch.getResponses().size());
    assertEquals("0x539", batch.getResponses().get(0).getResult());
  }

  @Test
  void newHeadsAndLogsNotificationsReachWeb3j() throws Exception {
    String from = web3j.ethAccounts().send().getAccounts().get(0);
    String deployHash = web3j.ethSendTransaction(Transaction.createContractTransaction(from, null, null,
        Hex.encode(COUNTER.deployData(BigInteger.ZERO)))).send().getTransactionHash();
    String counter = web3j.ethGetTransactionReceipt(deployHash).send().getTransactionReceipt().orElseThrow()
        .getContractAddress();

    CompletableFuture<NewHeadsNotification> head = new CompletableFuture<>();
    CompletableFuture<LogNotification> log = new CompletableFuture<>();
    Disposable heads = web3j.newHeadsNotifications().subscribe(head::complete, head::completeExceptionally);
    Disposable logs = web3j.logsNotifications(List.of(counter), List.of(COUNTER.eventTopic("Incremented")
        .toString())).subscribe(log::complete, log::completeExceptionally);
    awaitSubscriptions(2);

    String tx = web3j.ethSendTransaction(Transaction.createFunctionCallTransaction(from, null, null,
        BigInteger.valueOf(200_000), counter, Hex.encode(COUNTER.encodeCall("increment")))).send()
        .getTransactionHash();

    NewHeadsNotification h = head.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals("0x2", h.getParams().getResult().getNumber());
    assertEquals(web3j.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(
        BigInteger.TWO), false).send().getBlock().getHash(), h.getParams().getResult().getHash());
    LogNotification l = log.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertEquals(Address.fromHex(counter), Address.fromHex(l.getParams().getResult().getAddress()));
    assertEquals(tx, l.getParams().getResult().getTransactionHash());
    assertEquals(COUNTER.eventTopic("Incremented").toString(), l.getParams().getResult().getTopics().get(0));

    heads.dispose();
    logs.dispose();
    awaitSubscriptions(0); // web3j sends eth_unsubscribe on dispose
  }
}
