package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.tx.CallRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract that calls itself as deep as its gas allows, through every path where the node runs EVM code:
 * {@code eth_call} over HTTP and WebSocket, {@code eth_estimateGas}, and a mined transaction. The interpreter
 * recurses on the Java stack per call frame; with the node's deep-stack threads none of these may fail, and all
 * must agree on the depth reached.
 */
class DeepCallTest {
  /**
   * Runtime code: with depth d = calldata[0:32], CALL itself with d+1 and all gas it may pass; if that call
   * succeeds return the callee's answer, otherwise return d. The outermost frame (d = 0) also stores the answer
   * in slot 0, so a transaction leaves it in the state.
   */
  static final String RUNTIME = String.join("",
      "5f35", "600101", "5f52", // mem[0] = d + 1
      "6020", "5f", "6020", "5f", "5f", "30", "5a", "f1", // CALL(gas, this, 0, 0, 32, 0, 32)
      "601c57", // success -> ok
      "5f35", "5f52", "60205ff3", // return d
      "5b", "5f35", "602657", // ok: if d != 0 -> ret
      "5f51", "5f55", // sstore(0, answer)
      "5b", "60205ff3"); // ret: return mem[0..32]
  static final long GAS = 29_000_000;

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

  static String initCode() {
    int length = RUNTIME.length() / 2;
    String len = String.format("%02x", length);
    return "0x60" + len + "600a5f3960" + len + "5ff3" + RUNTIME;
  }

  @Test
  void recursionAsDeepAsGasAllowsRunsOnEveryPath() throws Exception {
    Address dev0 = DevNodeRpcTest.DEV0;
    String deploy = rpc.call("eth_sendTransaction", JsonRpcClient.object().put("from", dev0.toString())
        .put("input", initCode())).asText();
    JsonNode deployed = rpc.call("eth_getTransactionReceipt", deploy);
    assertEquals("0x1", deployed.get("status").asText());
    Address contract = Address.fromHex(deployed.get("contractAddress").asText());
    assertEquals("0x" + RUNTIME, rpc.call("eth_getCode", contract.toString(), "latest").asText());

    String zero = "0x" + "00".repeat(32);
    JsonNode call = JsonRpcClient.object().put("from", dev0.toString()).put("to", contract.toString())
        .put("data", zero).put("gas", "0x" + Long.toHexString(GAS));
    long depth = new BigInteger(rpc.call("eth_call", call, "latest").asText().substring(2), 16).longValueExact();
    // the 63/64 rule stops the recursion before the 1024 limit with 29M gas (about 500 frames), which is
    // already far deeper than an ordinary thread stack holds (see the test below)
    assertTrue(depth > 400 && depth < 1024, "depth " + depth);

    try (WsTestClient ws = new WsTestClient(node.wsUrl())) {
      assertEquals(depth, new BigInteger(ws.call("eth_call", call, "latest").asText().substring(2), 16)
          .longValueExact());
    }
    long estimate = DevNodeRpcTest.quantity(rpc.call("eth_estimateGas", call)).longValueExact();
    assertTrue(estimate > 21_000 && estimate <= GAS, "estimate " + estimate);

    String tx = rpc.call("eth_sendTransaction", call).asText();
    assertEquals("0x1", rpc.call("eth_getTransactionReceipt", tx).get("status").asText());
    assertEquals(depth, new BigInteger(rpc.call("eth_getStorageAt", contract.toString(), "0x0", "latest")
        .asText().substring(2), 16).longValueExact());
    assertEquals(2, DevNodeRpcTest.quantity(rpc.call("eth_blockNumber")).longValueExact());
  }

  @Test
  void theSameCallOverflowsAnOrdinaryThreadStack() throws Exception {
    // why the node's threads need deep stacks: on a small stack this call dies with StackOverflowError
    Address dev0 = DevNodeRpcTest.DEV0;
    String deploy = rpc.call("eth_sendTransaction", JsonRpcClient.object().put("from", dev0.toString())
        .put("input", initCode())).asText();
    Address contract = Address.fromHex(rpc.call("eth_getTransactionReceipt", deploy).get("contractAddress")
        .asText());
    Chain chain = node.node().chain();
    CallRequest request = new CallRequest(dev0, contract, GAS, null, null, null, null, new byte[32], null, null,
        null);
    Throwable[] failure = new Throwable[1];
    Thread small = new Thread(null, () -> {
      try {
        chain.call(request, chain.head().number());
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "small-stack", 256 * 1024);
    small.start();
    small.join();
    assertInstanceOf(StackOverflowError.class, failure[0]);
  }
}
