package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.block.BaseFee;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.sol.ContractArtifact;
import org.cvmj.chain.tx.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev node as a client sees it: a {@link LocalNode} (database, chain, {@link DevNode}, RPC server on
 * 127.0.0.1, port 0) driven with plain JSON-RPC requests over HTTP.
 */
class DevNodeRpcTest {
  static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final BigInteger CHAIN = BigInteger.valueOf(Genesis.DEV_CHAIN_ID);
  static final Address DEV0 = DevAccounts.address(0);
  static final Address DEV1 = DevAccounts.address(1);
  static final Address DEV2 = DevAccounts.address(2);
  static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000b0b01");
  static final ContractArtifact COUNTER = ContractArtifact.load("Counter");

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

  static BigInteger quantity(JsonNode n) {
    return new BigInteger(n.asText().substring(2), 16);
  }

  static String hex(byte[] b) {
    return Hex.encode(b);
  }

  static Transaction transfer(int account, long nonce, Address to, BigInteger value, BigInteger chainId) {
    return Transaction.dynamicFee(chainId, nonce, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, to, value,
        new byte[0], List.of()).sign(DevAccounts.privateKey(account));
  }

  String sendRaw(Transaction tx) throws Exception {
    return rpc.call("eth_sendRawTransaction", hex(tx.encode())).asText();
  }

  BigInteger balance(Address a) throws Exception {
    return quantity(rpc.call("eth_getBalance", a.toString(), "latest"));
  }

  long blockNumber() throws Exception {
    return quantity(rpc.call("eth_blockNumber")).longValueExact();
  }

  @Test
  void chainIdAndAccounts() throws Exception {
    assertEquals("0x539", rpc.call("eth_chainId").asText());
    assertEquals("1337", rpc.call("net_version").asText());
    JsonNode accounts = rpc.call("eth_accounts");
    assertEquals(Genesis.DEV_ACCOUNTS, accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      assertEquals(DevAccounts.address(i), Address.fromHex(accounts.get(i).asText()));
    }
    assertEquals(0, blockNumber());
    assertEquals(Genesis.DEV_BALANCE, balance(DEV0));
  }

  @Test
  void signedRawTransferIsMinedBeforeTheCallReturns() throws Exception {
    Transaction tx = transfer(0, 0, RECIPIENT, ETHER, CHAIN);
    String hash = sendRaw(tx);
    assertEquals(tx.hash().toString(), hash);

    JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
    assertEquals("0x1", receipt.get("status").asText());
    assertEquals("0x1", receipt.get("blockNumber").asText());
    assertEquals("0x5208", receipt.get("gasUsed").asText());
    // block 1's base fee: genesis (1 gwei, no gas used) minus 1/8 = 0.875 gwei; the price paid adds the 1 gwei tip
    BigInteger baseFee1 = BigInteger.valueOf(875_000_000L);
    assertEquals(baseFee1, BaseFee.next(GWEI, 0, Genesis.DEV_GAS_LIMIT));
    BigInteger price = baseFee1.add(GWEI);
    assertEquals(price, quantity(receipt.get("effectiveGasPrice")));
    assertEquals(1, blockNumber());
    assertEquals(ETHER, balance(RECIPIENT));
    assertEquals(Genesis.DEV_BALANCE.subtract(ETHER).subtract(price.multiply(BigInteger.valueOf(21_000))),
        balance(DEV0));
    assertEquals("0x1", rpc.call("eth_getTransactionCount", DEV0.toString(), "latest").asText());

    JsonNode viewed = rpc.call("eth_getTransactionByHash", hash);
    assertEquals(DEV0, Address.fromHex(viewed.get("from").asText()));
    assertEquals("0x1", viewed.get("blockNumber").asText());
    JsonNode block = rpc.call("eth_getBlockByNumber", "0x1", false);
    assertEquals(hash, block.get("transactions").get(0).asText());
    assertEquals(baseFee1, quantity(block.get("baseFeePerGas")));
  }

  @Test
  void deployAndUseCounterThroughSendTransaction() throws Exception {
    JsonNode deploy = JsonRpcClient.object().put("from", DEV1.toString())
        .put("input", hex(COUNTER.deployData(BigInteger.valueOf(5))));
    String deployHash = rpc.call("eth_sendTransaction", deploy).asText();
    JsonNode deployReceipt = rpc.call("eth_getTransactionReceipt", deployHash);
    assertEquals("0x1", deployReceipt.get("status").asText());
    Address counter = Address.fromHex(deployReceipt.get("contractAddress").asText());
    assertEquals(org.cvmj.chain.evm.ContractAddress.create(DEV1, 0), counter);

    JsonNode countCall = JsonRpcClient.object().put("to", counter.toString())
        .put("data", hex(COUNTER.encodeCall("count")));
    assertEquals(List.of(BigInteger.valueOf(5)),
        COUNTER.decodeOutput("count", Hex.decode(rpc.call("eth_call", countCall, "latest").asText())));

    JsonNode add = JsonRpcClient.object().put("from", DEV1.toString()).put("to", counter.toString())
        .put("input", hex(COUNTER.encodeCall("add", BigInteger.valueOf(7))));
    long estimate = quantity(rpc.call("eth_estimateGas", add)).longValueExact();
    assertTrue(estimate > 21_000 && estimate < 200_000, "estimate " + estimate);
    String addHash = rpc.call("eth_sendTransaction", add).asText();
    JsonNode addReceipt = rpc.call("eth_getTransactionReceipt", addHash);
    assertEquals("0x1", addReceipt.get("status").asText());
    assertEquals(2, blockNumber());
    assertEquals(List.of(BigInteger.valueOf(12)),
        COUNTER.decodeOutput("count", Hex.decode(rpc.call("eth_call", countCall, "latest").asText())));
    // the state at block 1 still has 5
    assertEquals(List.of(BigInteger.valueOf(5)),
        COUNTER.decodeOutput("count", Hex.decode(rpc.call("eth_call", countCall, "0x1").asText())));

    com.fasterxml.jackson.databind.node.ObjectNode filter = JsonRpcClient.object().put("fromBlock", "0x0").put("toBlock", "latest")
        .put("address", counter.toString());
    filter.putArray("topics").add(COUNTER.eventTopic("Incremented").toString());
    JsonNode logs = rpc.call("eth_getLogs", filter);
    assertEquals(1, logs.size());
    JsonNode log = logs.get(0);
    assertEquals(addHash, log.get("transactionHash").asText());
    assertEquals("0x2", log.get("blockNumber").asText());
    assertEquals(counter, Address.fromHex(log.get("address").asText()));
    assertEquals(DEV1, Address.fromHex("0x" + log.get("topics").get(1).asText().substring(26)));
    // amount 7, new count 12
    assertEquals(hex(org.cvmj.chain.sol.Abi.encode(List.of("uint256", "uint256"),
        BigInteger.valueOf(7), BigInteger.valueOf(12))), log.get("data").asText());

    // a revert reaches the client as geth's code 3 with the reason
    JsonNode reset = JsonRpcClient.object().put("from", DEV2.toString()).put("to", counter.toString())
        .put("input", hex(COUNTER.encodeCall("reset")));
    JsonRpcClient.RpcError e = assertThrows(JsonRpcClient.RpcError.class, () -> rpc.call("eth_call", reset));
    assertEquals(3, e.code);
    assertEquals("execution reverted: Counter: not the owner", e.getMessage());
    e = assertThrows(JsonRpcClient.RpcError.class, () -> rpc.call("eth_estimateGas", reset));
    assertEquals(3, e.code);
  }

  @Test
  void rejectionsUseGethTextsAndTheNodeKeepsServing() throws Exception {
    sendRaw(transfer(0, 0, RECIPIENT, ETHER, CHAIN));
    assertRejected("nonce too low: next nonce 1, tx nonce 0", transfer(0, 0, RECIPIENT, BigInteger.TWO, CHAIN));

    // an account with no ether (dev key 50 is not funded by the genesis)
    Transaction poor = transfer(50, 0, RECIPIENT, ETHER, CHAIN);
    assertRejected("insufficient funds for gas * price + value: balance 0, tx cost 1000210000000000000,"
        + " overshot 1000210000000000000", poor);

    String wrongChain = message(transfer(0, 1, RECIPIENT, ETHER, BigInteger.valueOf(5)));
    assertTrue(wrongChain.startsWith("invalid chain id for signer: "), wrongChain);

    Transaction lowGas = Transaction.dynamicFee(CHAIN, 1, GWEI, GWEI.multiply(BigInteger.TEN), 20_000, RECIPIENT,
        ETHER, new byte[0], List.of()).sign(DevAccounts.privateKey(0));
    assertTrue(message(lowGas).startsWith("intrinsic gas too low: "), message(lowGas));

    Transaction cheap = Transaction.dynamicFee(CHAIN, 1, BigInteger.ZERO, BigInteger.ONE, 21_000, RECIPIENT,
        ETHER, new byte[0], List.of()).sign(DevAccounts.privateKey(0));
    assertTrue(message(cheap).startsWith("max fee per gas less than block base fee: "), message(cheap));

    JsonRpcClient.RpcError malformed = assertThrows(JsonRpcClient.RpcError.class,
        () -> rpc.call("eth_sendRawTransaction", "0xf8ff01"));
    assertEquals(-32000, malformed.code);
    assertTrue(malformed.getMessage().startsWith("rlp: "), malformed.getMessage());

    JsonRpcClient.RpcError unknownSender = assertThrows(JsonRpcClient.RpcError.class, () -> rpc.call(
        "eth_sendTransaction", JsonRpcClient.object().put("from", RECIPIENT.toString()).put("to", DEV0.toString())));
    assertTrue(unknownSender.getMessage().startsWith("unknown account "), unknownSender.getMessage());

    // nothing of that was mined, and the node still serves and accepts a good transaction
    assertEquals(1, blockNumber());
    sendRaw(transfer(0, 1, RECIPIENT, ETHER, CHAIN));
    assertEquals(2, blockNumber());
    assertEquals(ETHER.shiftLeft(1), balance(RECIPIENT));
  }

  String message(Transaction tx) {
    JsonRpcClient.RpcError e = assertThrows(JsonRpcClient.RpcError.class, () -> sendRaw(tx));
    assertEquals(-32000, e.code);
    return e.getMessage();
  }

  void assertRejected(String expected, Transaction tx) {
    assertEquals(expected, message(tx));
  }

  @Test
  void futureNonceWaitsInThePoolAndReplacementNeedsAHigherFee() throws Exception {
    Transaction second = transfer(2, 1, RECIPIENT, BigInteger.TWO, CHAIN);
    String secondHash = sendRaw(second);
    assertEquals(0, blockNumber());
    assertTrue(rpc.call("eth_getTransactionReceipt", secondHash).isNull());
    JsonNode pending = rpc.call("eth_getTransactionByHash", secondHash);
    assertTrue(pending.get("blockNumber").isNull());
    // as in geth, "pending" counts only the consecutive nonces: nonce 0 is still missing
    assertEquals("0x0", rpc.call("eth_getTransactionCount", DEV2.toString(), "pending").asText());

    // the same nonce at the same fee is not a replacement
    Transaction sameFee = transfer(2, 1, RECIPIENT, BigInteger.TEN, CHAIN);
    assertTrue(message(sameFee).startsWith("replacement transaction underpriced"), message(sameFee));
    assertEquals("already known", message(second));

    // filling the gap mines both, in nonce order, in one block
    String firstHash = sendRaw(transfer(2, 0, RECIPIENT, BigInteger.ONE, CHAIN));
    assertEquals(1, blockNumber());
    assertEquals("0x0", rpc.call("eth_getTransactionReceipt", firstHash).get("transactionIndex").asText());
    assertEquals("0x1", rpc.call("eth_getTransactionReceipt", secondHash).get("transactionIndex").asText());
    assertEquals(BigInteger.valueOf(3), balance(RECIPIENT));
  }

  @Test
  void feesFollowTheBaseFee() throws Exception {
    BigInteger next = BaseFee.next(GWEI, 0, Genesis.DEV_GAS_LIMIT);
    assertEquals(next.add(GWEI), quantity(rpc.call("eth_gasPrice")));
    assertEquals(GWEI, quantity(rpc.call("eth_maxPriorityFeePerGas")));
    sendRaw(transfer(0, 0, RECIPIENT, ETHER, CHAIN));
    JsonNode history = rpc.call("eth_feeHistory", "0x2", "latest", List.of(50));
    assertEquals("0x0", history.get("oldestBlock").asText());
    assertEquals(GWEI, quantity(history.get("baseFeePerGas").get(0)));
    assertEquals(next, quantity(history.get("baseFeePerGas").get(1)));
    assertEquals(3, history.get("baseFeePerGas").size());
    assertEquals(21_000.0 / Genesis.DEV_GAS_LIMIT, history.get("gasUsedRatio").get(1).asDouble(), 1e-12);
    assertEquals("0x0", history.get("reward").get(0).get(0).asText());
    assertEquals(GWEI, quantity(history.get("reward").get(1).get(0)));
  }

  @Test
  void devMethodsMineMoveTimeAndSnapshotWithinABlock() throws Exception {
    long t0 = quantity(rpc.call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
    assertEquals("0x0", rpc.call("evm_mine", 5_000_000_000L).asText());
    assertEquals(5_000_000_000L,
        quantity(rpc.call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact());
    assertTrue(t0 < 5_000_000_000L);
    JsonRpcClient.RpcError past = assertThrows(JsonRpcClient.RpcError.class, () -> rpc.call("evm_mine", 1));
    assertTrue(past.getMessage().contains("is not after the latest block's timestamp 5000000000"));

    // a snapshot with no block mined since can be reverted; a queued transaction goes with it
    long snap = quantity(rpc.call("evm_snapshot")).longValueExact();
    String queued = sendRaw(transfer(3, 1, RECIPIENT, ETHER, CHAIN));
    assertFalse(rpc.call("eth_getTransactionByHash", queued).isNull());
    assertTrue(rpc.call("evm_revert", snap).asBoolean());
    assertTrue(rpc.call("eth_getTransactionByHash", queued).isNull());
    assertFalse(rpc.call("evm_revert", snap).asBoolean()); // used up

    // across a mined block the revert discards the block (RevertAcrossBlocksTest covers the details)
    long snap2 = quantity(rpc.call("evm_snapshot")).longValueExact();
    rpc.call("evm_mine");
    assertEquals(2, blockNumber());
    assertTrue(rpc.call("evm_revert", snap2).asBoolean());
    assertEquals(1, blockNumber());
    rpc.call("evm_mine");
    assertEquals(2, blockNumber());

    long offset = rpc.call("evm_increaseTime", 3600).asLong();
    rpc.call("evm_mine");
    long t3 = quantity(rpc.call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
    assertTrue(t3 > 5_000_000_000L, "after the block at 5e9: " + t3);
    assertEquals(offset, rpc.call("evm_increaseTime", 0).asLong());
  }

  @Test
  void restartOnTheSameDataDirectoryKeepsTheChain() throws Exception {
    sendRaw(transfer(0, 0, RECIPIENT, ETHER, CHAIN));
    sendRaw(transfer(0, 1, RECIPIENT, ETHER, CHAIN));
    String head = rpc.call("eth_getBlockByNumber", "latest", false).get("hash").asText();
    BigInteger dev0 = balance(DEV0);
    node.close();

    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    rpc = new JsonRpcClient(node.url());
    assertEquals(2, blockNumber());
    assertEquals(head, rpc.call("eth_getBlockByNumber", "latest", false).get("hash").asText());
    assertEquals(dev0, balance(DEV0));
    assertEquals(ETHER.shiftLeft(1), balance(RECIPIENT));
    assertEquals("0x2", rpc.call("eth_getTransactionCount", DEV0.toString(), "latest").asText());
    sendRaw(transfer(0, 2, RECIPIENT, ETHER, CHAIN));
    assertEquals(3, blockNumber());
  }
}
