package org.cvmj.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.model.Model;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.wallet.DevKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The MNIST zoo model uploaded with {@code bin/upload} to a {@code bin/cvm-chain} dev node, then called as a user
 * would: the infer precompile through {@code eth_call}, in transactions, and {@code cvm_infer}. Its output must be
 * {@code bin/cvm run}'s, byte for byte, and each paid call must move exactly the fee to the author.
 */
class InferenceOnChainTest {
  private static final long FEE = 10_000;
  private static final Credentials AUTHOR = DevKeys.credentials(0);
  private static final Credentials USER = DevKeys.credentials(1);

  @TempDir
  static Path dir;

  private static NodeProcess node;
  private static Client client;
  /** The uploader library's view of the registry, for authorEarned. */
  private static Rpc rpc;
  private static String model;
  /** The digit of data.npy as the chain takes it (784 int8 bytes). */
  private static byte[] input;

  @BeforeAll
  static void uploadMnist() throws Exception {
    if (!Repo.launchersBuilt()) {
      return; // each test then skips, saying what to build
    }
    node = NodeProcess.start(dir, dir.resolve("chain"), 0);
    client = new Client(node.url());
    rpc = Rpc.connect(node.url());
    model = upload("mnist digits");
    client.mineTo(readyBlock(model));
    Model m = Model.load(Repo.MNIST);
    // the codec cvm run uses, with the chain's byte order (int8 here, so the order changes nothing)
    input = new InferenceCodec(m.graph(), ByteOrder.BIG_ENDIAN).encodeInput(
        Npy.read(Files.readAllBytes(Repo.MNIST.resolve("data.npy"))).values());
    assertEquals(784, input.length);
  }

  @BeforeEach
  void needsTheLaunchers() {
    Repo.assumeLaunchersBuilt();
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (client != null) {
      client.close();
    }
    if (rpc != null) {
      rpc.close();
    }
    if (node != null) {
      node.close();
    }
  }

  /** Uploads the MNIST model as dev account 0 and returns its address, after checking what the launcher said. */
  private static String upload(String description) throws Exception {
    Outcome up = Launcher.run(dir, "upload", "--model", Repo.MNIST.toString(), "--shape", "1,28,28",
        "--dev-account", "0", "--fee", Long.toString(FEE), "--description", description, "--rpc", node.url());
    assertEquals(0, up.code(), up.describe());
    String address = up.value("model");
    assertTrue(up.value("status").startsWith("ready, callable from block "), up.describe());
    assertEquals("2 of 2 on chain, 2 sent in this run", up.value("chunks"), up.describe());
    return address;
  }

  private static long readyBlock(String address) throws Exception {
    Map<String, Object> m = client.object("cvm_getModel", address);
    assertEquals("ready", m.get("status"));
    return quantity(m.get("readyBlock")).longValueExact();
  }

  private static BigInteger quantity(Object hex) {
    return new BigInteger(((String) hex).substring(2), 16);
  }

  /** {@code bin/cvm run} of the model on data.npy, its output file converted to the chain's byte order. */
  private static byte[] cvmRun() throws Exception {
    Path out = dir.resolve("out.bin");
    Outcome run = Launcher.run(dir, "cvm", "run", "--model", Repo.MNIST.toString(), "--input",
        Repo.MNIST.resolve("data.npy").toString(), "--output", out.toString());
    assertEquals(0, run.code(), run.describe());
    Map<String, Object> m = client.object("cvm_getModel", model);
    int elementSize = quantity(m.get("outputElementSize")).intValueExact();
    byte[] file = Files.readAllBytes(out);
    assertEquals(quantity(m.get("outputBytes")).intValueExact(), file.length, "output length vs modelIO");
    return InferAbi.chainOrder(file, elementSize);
  }

  private static TransactionReceipt paidCall(Credentials from, String to, String data) throws Exception {
    BigInteger gas = client.estimate(from.getAddress(), to, data);
    TransactionReceipt r = client.send(from, to, data, gas);
    assertTrue(r.isStatusOK(), "the call failed: " + r);
    return r;
  }

  @Test
  void theOutputOnChainIsTheOutputOfCvmRun() throws Exception {
    byte[] expected = cvmRun();
    String data = InferAbi.encode(model, input);

    EthCall call = client.call(USER.getAddress(), InferAbi.PRECOMPILE, data);
    assertFalse(call.isReverted(), call.getRevertReason());
    assertEquals(InferAbi.hex(expected), InferAbi.hex(InferAbi.decode(call.getValue())), "eth_call");

    Map<String, Object> viaRpc = client.object("cvm_infer", model, InferAbi.hex(input));
    assertEquals(InferAbi.hex(expected), viaRpc.get("output"), "cvm_infer");

    // in a transaction: a relay contract calls the precompile and logs what it returned
    TransactionReceipt deployed = client.send(USER, null, Relay.CREATION, BigInteger.valueOf(200_000));
    assertTrue(deployed.isStatusOK(), deployed.toString());
    String relay = deployed.getContractAddress();
    assertEquals(InferAbi.hex(Relay.runtime()), client.web3j().ethGetCode(relay,
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getCode());
    TransactionReceipt r = paidCall(USER, relay, data);
    assertEquals(InferAbi.hex(expected), InferAbi.hex(InferAbi.decode(Relay.returned(r, relay))), "transaction");
  }

  @Test
  void eachPaidCallMovesExactlyTheFeeTimesTheGasPriceToTheAuthor() throws Exception {
    int calls = 3;
    Registry registry = new Registry(rpc);
    long before = client.blockNumber();
    BigInteger earnedBefore = registry.authorEarned(AUTHOR.getAddress());
    Map<String, Object> rewardsBefore = client.object("cvm_getRewards", AUTHOR.getAddress());
    String data = InferAbi.encode(model, input);
    BigInteger paid = BigInteger.ZERO;
    long last = before;
    for (int i = 0; i < calls; i++) {
      TransactionReceipt r = paidCall(USER, InferAbi.PRECOMPILE, data);
      paid = paid.add(BigInteger.valueOf(FEE).multiply(Numeric.decodeQuantity(r.getEffectiveGasPrice())));
      last = r.getBlockNumber().longValueExact();
      List<Log> fromRegistry = r.getLogs().stream().filter(l -> l.getAddress().equalsIgnoreCase(InferAbi.REGISTRY))
          .toList();
      assertEquals(1, fromRegistry.size(), "one Called event per paid call: " + r.getLogs());
    }
    assertTrue(paid.signum() > 0);

    BigInteger gained = client.balance(AUTHOR.getAddress(), last).subtract(client.balance(AUTHOR.getAddress(),
        before));
    assertEquals(paid, gained, "author's balance");
    assertEquals(paid, registry.authorEarned(AUTHOR.getAddress()).subtract(earnedBefore), "authorEarned");
    Map<String, Object> rewards = client.object("cvm_getRewards", AUTHOR.getAddress());
    assertEquals(paid, quantity(rewards.get("earned")).subtract(quantity(rewardsBefore.get("earned"))),
        "cvm_getRewards");
    assertEquals(calls, calls(rewards, model) - calls(rewardsBefore, model), "calls counted");
  }

  @Test
  void beforeMaturityACallRevertsWithTheBlockFromWhichItIsCallable() throws Exception {
    // a registration of its own, so that it is checked right after it became ready
    String fresh = upload("maturity");
    long ready = readyBlock(fresh);
    long head = client.blockNumber();
    assertEquals(head + 2, ready, "the dev chain's maturity is 2 blocks");
    String data = InferAbi.encode(fresh, input);
    String reason = "infer: model " + Keys.toChecksumAddress(fresh) + " is not mature: callable from block " + ready
        + ", this is block ";

    EthCall call = client.call(USER.getAddress(), InferAbi.PRECOMPILE, data);
    assertTrue(call.hasError(), "eth_call before maturity must revert");
    assertEquals("execution reverted: " + reason + head, call.getError().getMessage());
    Client.Json viaRpc = client.request("cvm_infer", fresh, InferAbi.hex(input));
    assertEquals(3, viaRpc.getError().getCode());
    assertEquals(call.getError().getMessage(), viaRpc.getError().getMessage());

    BigInteger gas = BigInteger.valueOf(1_000_000);
    TransactionReceipt early = client.send(USER, InferAbi.PRECOMPILE, data, gas);
    assertFalse(early.isStatusOK(), "a transaction in block " + early.getBlockNumber() + " must fail");
    assertEquals(head + 1, early.getBlockNumber().longValueExact());
    // a revert with a reason returns the gas; out of gas would use all of it
    assertTrue(early.getGasUsed().compareTo(BigInteger.valueOf(50_000)) < 0, "gas used " + early.getGasUsed());
    EthCall replay = client.call(USER.getAddress(), InferAbi.PRECOMPILE, data);
    assertEquals("execution reverted: " + reason + (head + 1), replay.getError().getMessage());

    TransactionReceipt onTime = client.send(USER, InferAbi.PRECOMPILE, data, gas);
    assertEquals(ready, onTime.getBlockNumber().longValueExact());
    assertTrue(onTime.isStatusOK(), "from block " + ready + " the model is callable");
  }

  @SuppressWarnings("unchecked")
  private static long calls(Map<String, Object> rewards, String address) {
    for (Map<String, Object> m : (List<Map<String, Object>>) rewards.get("models")) {
      if (((String) m.get("model")).equalsIgnoreCase(address)) {
        return quantity(m.get("calls")).longValueExact();
      }
    }
    throw new AssertionError(address + " is not among the author's models: " + rewards);
  }
}
