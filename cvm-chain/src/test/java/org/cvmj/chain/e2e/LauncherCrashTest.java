package org.cvmj.chain.e2e;

import static org.cvmj.chain.e2e.Web3jNode.CHAIN_ID;
import static org.cvmj.chain.e2e.Web3jNode.MAX_FEE;
import static org.cvmj.chain.e2e.Web3jNode.TIP;
import static org.cvmj.chain.e2e.Web3jNode.dev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cvmj.chain.contracts.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The node as a separate JVM ({@code ChainCli node --dev}) is killed with SIGKILL while a web3j client streams
 * transfers and contract calls at it. After a restart on the same data directory every transaction whose receipt
 * the client got is there with the same receipt, every block the client saw (and every block of the chain at
 * the previous start) has the same hash and state root, and the chain continues. Several rounds on one
 * directory. The streamer stops by itself after {@link #STREAM_LIMIT} transactions, so nothing waits on a clock
 * except hang guards.
 */
class LauncherCrashTest {
  private static final int ROUNDS = 3;
  private static final int RECEIPTS_BEFORE_KILL = 12;
  private static final int STREAM_LIMIT = 2_000;
  private static final long HANG_GUARD_SECONDS = 120;
  private static final Credentials SENDER = dev(8);
  private static final String RECIPIENT = "0x00000000000000000000000000000000000b0b04";
  private static final String INCREMENT = FunctionEncoder.encode(new Function("increment", List.of(), List.of()));

  @TempDir Path tmp;

  @Test
  void sigkillMidStreamLosesNoReceiptedTransaction() throws Exception {
    Path data = tmp.resolve("chain");
    List<String> receipted = new ArrayList<>();
    List<ChainSnapshot.BlockId> blocksSeen = new ArrayList<>();
    ChainSnapshot atLastStart = null;
    String counter = null;
    for (int round = 0; round <= ROUNDS; round++) {
      try (NodeProcess node = NodeProcess.start(data, tmp.resolve("node-" + round + ".err"));
          Web3jNode client = Web3jNode.connect(node.url())) {
        long head = client.web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        if (atLastStart != null) {
          atLastStart.assertStillIn(client.web3j);
          for (ChainSnapshot.BlockId b : blocksSeen) {
            assertEquals(b, ChainSnapshot.block(client.web3j, b.number().longValueExact()), "block " + b.number());
          }
          long lastSeen = blocksSeen.get(blocksSeen.size() - 1).number().longValueExact();
          assertTrue(head >= lastSeen, "head " + head + " is behind block " + lastSeen + " the client saw");
        }
        atLastStart = ChainSnapshot.take(client.web3j, head, receipted);
        if (round == ROUNDS) {
          // The last start only checks, and shows that the chain continues.
          Counter c = Counter.load(counter, client.web3j, client.manager(SENDER), Web3jNode.GAS);
          BigInteger count = c.count().send();
          TransactionReceipt next = client.mined(client.eip1559(SENDER, BigInteger.valueOf(200_000), counter,
              BigInteger.ZERO, INCREMENT), SENDER);
          assertEquals(BigInteger.valueOf(head + 1), next.getBlockNumber());
          assertTrue(next.isStatusOK());
          assertEquals(count.add(BigInteger.ONE), c.count().send());
          break;
        }
        if (counter == null) {
          Counter deployed = Counter.deploy(client.web3j, client.manager(SENDER), Web3jNode.GAS, BigInteger.ZERO)
              .send();
          counter = deployed.getContractAddress();
          TransactionReceipt r = deployed.getTransactionReceipt().orElseThrow();
          receipted.add(r.getTransactionHash());
          blocksSeen.add(ChainSnapshot.block(client.web3j, r.getBlockNumber().longValueExact()));
        }
        Stream stream = new Stream(client, counter);
        Thread sender = new Thread(stream, "tx-stream");
        sender.start();
        try {
          assertTrue(stream.enough.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS),
              "hang guard: fewer than " + RECEIPTS_BEFORE_KILL + " receipts; " + stream.failure);
          assertEquals(137, node.kill(), "SIGKILL (128 + 9); stderr: " + node.stderr());
        } finally {
          sender.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        }
        assertTrue(stream.count >= RECEIPTS_BEFORE_KILL);
        for (Stream.Seen s : stream.seen) {
          receipted.add(s.receipt().getTransactionHash());
          blocksSeen.add(s.block());
        }
      }
    }
    assertTrue(receipted.size() >= 1 + ROUNDS * RECEIPTS_BEFORE_KILL);
  }

  /**
   * Sends, one at a time, alternately an ETH transfer and a Counter.increment() until the node goes away or
   * {@link #STREAM_LIMIT} are sent; records each transaction whose receipt (and block) came back.
   */
  private static final class Stream implements Runnable {
    record Seen(TransactionReceipt receipt, ChainSnapshot.BlockId block) {}

    final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    final CountDownLatch enough = new CountDownLatch(RECEIPTS_BEFORE_KILL);
    private final Web3jNode client;
    private final String counter;
    volatile int count;
    volatile String failure = "none";

    Stream(Web3jNode client, String counter) {
      this.client = client;
      this.counter = counter;
    }

    @Override
    public void run() {
      try {
        BigInteger nonce = client.nonce(SENDER.getAddress());
        for (int i = 0; i < STREAM_LIMIT; i++, nonce = nonce.add(BigInteger.ONE)) {
          RawTransaction tx = i % 2 == 0
              ? RawTransaction.createEtherTransaction(CHAIN_ID, nonce, BigInteger.valueOf(21_000), RECIPIENT,
                  BigInteger.ONE, TIP, MAX_FEE)
              : RawTransaction.createTransaction(CHAIN_ID, nonce, BigInteger.valueOf(200_000), counter,
                  BigInteger.ZERO, INCREMENT, TIP, MAX_FEE);
          EthSendTransaction sent = client.send(tx, SENDER);
          if (sent.hasError()) {
            failure = "refused: " + sent.getError().getMessage();
            return;
          }
          TransactionReceipt r = client.receipt(sent.getTransactionHash());
          if (!r.isStatusOK()) {
            failure = "failed: " + r;
            return;
          }
          seen.add(new Seen(r, ChainSnapshot.block(client.web3j, r.getBlockNumber().longValueExact())));
          count++;
          enough.countDown();
        }
      } catch (IOException killed) {
        failure = "connection: " + killed.getMessage(); // expected once the node is killed
      } catch (RuntimeException | AssertionError e) {
        failure = e.toString();
      }
    }
  }
}
