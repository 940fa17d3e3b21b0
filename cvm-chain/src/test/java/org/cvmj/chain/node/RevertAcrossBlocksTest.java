package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.cvmj.chain.crypto.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evm_revert} across mined blocks, as Hardhat and Ganache do it: the head, the balances, the nonces, the
 * receipts and the time offset go back to the snapshot, new transactions mine on top, and the reverted head is
 * what a restart on the same data directory finds.
 */
class RevertAcrossBlocksTest {
  static final BigInteger ETHER = DevNodeRpcTest.ETHER;
  static final Address DEV0 = DevNodeRpcTest.DEV0;
  static final Address RECIPIENT = DevNodeRpcTest.RECIPIENT;

  @TempDir
  Path dir;
  LocalNode node;
  JsonRpcClient rpc;

  @BeforeEach
  void start() throws Exception {
    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    rpc = new JsonRpcClient(node.url());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  String send(long nonce) throws Exception {
    return rpc.call("eth_sendRawTransaction", DevNodeRpcTest.hex(
        DevNodeRpcTest.transfer(0, nonce, RECIPIENT, ETHER, DevNodeRpcTest.CHAIN).encode())).asText();
  }

  BigInteger balance(Address a) throws Exception {
    return DevNodeRpcTest.quantity(rpc.call("eth_getBalance", a.toString(), "latest"));
  }

  long number() throws Exception {
    return DevNodeRpcTest.quantity(rpc.call("eth_blockNumber")).longValueExact();
  }

  @Test
  void revertDiscardsLaterBlocksAndSurvivesARestart() throws Exception {
    String kept = send(0); // block 1
    String head1 = rpc.call("eth_getBlockByNumber", "0x1", false).get("hash").asText();
    BigInteger dev0AtSnapshot = balance(DEV0);
    long snapshot = DevNodeRpcTest.quantity(rpc.call("evm_snapshot")).longValueExact();
    long later = DevNodeRpcTest.quantity(rpc.call("evm_snapshot")).longValueExact();
    rpc.call("evm_increaseTime", 1000);
    String gone1 = send(1); // block 2
    String gone2 = send(2); // block 3
    String block3 = rpc.call("eth_getBlockByNumber", "0x3", false).get("hash").asText();
    assertEquals(3, number());
    assertEquals(ETHER.multiply(BigInteger.valueOf(3)), balance(RECIPIENT));

    assertTrue(rpc.call("evm_revert", snapshot).asBoolean());
    assertEquals(1, number());
    assertEquals(head1, rpc.call("eth_getBlockByNumber", "latest", false).get("hash").asText());
    assertEquals(ETHER, balance(RECIPIENT));
    assertEquals(dev0AtSnapshot, balance(DEV0));
    assertEquals("0x1", rpc.call("eth_getTransactionCount", DEV0.toString(), "latest").asText());
    assertEquals("0x1", rpc.call("eth_getTransactionCount", DEV0.toString(), "pending").asText());
    assertTrue(rpc.call("eth_getTransactionReceipt", gone1).isNull());
    assertTrue(rpc.call("eth_getTransactionReceipt", gone2).isNull());
    assertTrue(rpc.call("eth_getTransactionByHash", gone2).isNull());
    assertTrue(rpc.call("eth_getBlockByNumber", "0x2", false).isNull());
    assertTrue(rpc.call("eth_getBlockByHash", block3, false).isNull());
    assertFalse(rpc.call("eth_getTransactionReceipt", kept).isNull());
    assertEquals(0, rpc.call("evm_increaseTime", 0).asLong()); // the time offset is the snapshot's
    // the id and the later one are used up
    assertFalse(rpc.call("evm_revert", snapshot).asBoolean());
    assertFalse(rpc.call("evm_revert", later).asBoolean());

    // new transactions mine on the reverted head, with the nonces it implies
    String again = send(1);
    assertEquals(2, number());
    assertEquals("0x1", rpc.call("eth_getTransactionReceipt", again).get("status").asText());
    assertEquals(ETHER.shiftLeft(1), balance(RECIPIENT));
    String head2 = rpc.call("eth_getBlockByNumber", "latest", false).get("hash").asText();

    node.close();
    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    rpc = new JsonRpcClient(node.url());
    assertEquals(2, number());
    assertEquals(head2, rpc.call("eth_getBlockByNumber", "latest", false).get("hash").asText());
    assertEquals(ETHER.shiftLeft(1), balance(RECIPIENT));
    assertTrue(rpc.call("eth_getTransactionReceipt", gone2).isNull());
    send(2);
    assertEquals(3, number());
  }

  @Test
  void revertToGenesisAndAfterARestart() throws Exception {
    long snapshot = DevNodeRpcTest.quantity(rpc.call("evm_snapshot")).longValueExact();
    send(0);
    send(1);
    assertTrue(rpc.call("evm_revert", snapshot).asBoolean());
    assertEquals(0, number());
    assertEquals(BigInteger.ZERO, balance(RECIPIENT));
    node.close();
    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    rpc = new JsonRpcClient(node.url());
    assertEquals(0, number());
    send(0);
    assertEquals(1, number());
  }
}
