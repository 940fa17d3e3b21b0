package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.models.ModelChain;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.chain.models.ModelLimits;
import org.cvmj.chain.models.SystemAddresses;
import org.cvmj.chain.sol.Abi;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cvm_*} methods as a client sees them: a {@link LocalNode} over HTTP, where the MNIST zoo model is
 * registered, uploaded, matured and called through {@code eth_sendTransaction}, beside a model still uploading
 * and a rejected one. The chain is built once; every test only reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CvmRpcTest {
  static final String INFER = "infer(address,bytes)";
  static final long FEE = 10_000;
  static final Address DEV0 = DevAccounts.address(0);
  static final Address DEV1 = DevAccounts.address(1);
  static final Address DEV2 = DevAccounts.address(2);
  static final Address NOBODY = Address.ofLong(0xdead);
  static final byte[] SYMBOL = ModelChain.resource("mnist/symbol");
  static final byte[] PARAMS = ModelChain.resource("mnist/params");
  static final byte[] DIGIT = digit();

  LocalNode node;
  JsonRpcClient rpc;
  /** MNIST, fee 10,000, by dev account 0; called once by dev account 2. */
  Address ready;
  /** Declared 3 + 2 chunks by dev account 1; only symbol chunk 1 and params chunk 1 were sent. */
  Address uploading;
  /** The MNIST files by dev account 1 with a wrong input shape: rejected. */
  Address rejected;
  long readyVerifiedAt;
  long calledAt;
  BigInteger paid;

  @BeforeAll
  void buildChain(@TempDir Path dir) throws Exception {
    node = LocalNode.start(LocalNode.Settings.dev(dir).withPort(0));
    rpc = new JsonRpcClient(node.url());
    ready = register(DEV0, Keccak256.hash(SYMBOL), SYMBOL.length, Keccak256.hash(PARAMS), PARAMS.length,
        List.of(1L, 1L, 28L, 28L), FEE, "mnist digits");
    uploading = register(DEV1, Keccak256.hash(new byte[] {1}), 3L * ModelLimits.CHUNK_SIZE,
        Keccak256.hash(new byte[] {2}), ModelLimits.CHUNK_SIZE + 1, List.of(2L, 3L), 0, "");
    send(DEV1, SystemAddresses.REGISTRY,
        ModelChain.uploadChunk(uploading, ModelFile.SYMBOL, 1, new byte[ModelLimits.CHUNK_SIZE]));
    send(DEV1, SystemAddresses.REGISTRY, ModelChain.uploadChunk(uploading, ModelFile.PARAMS, 1, new byte[] {7}));
    rejected = register(DEV1, Keccak256.hash(SYMBOL), SYMBOL.length, Keccak256.hash(PARAMS), PARAMS.length,
        List.of(1L, 28L, 28L), 0, "wrong shape");
    upload(DEV0, ready);
    readyVerifiedAt = blockNumber();
    upload(DEV1, rejected);
    while (blockNumber() < readyVerifiedAt + 2) { // the dev chain's maturity
      rpc.call("evm_mine");
    }
    JsonNode receipt = send(DEV2, SystemAddresses.INFER, Abi.encodeCall(INFER, ready, DIGIT));
    calledAt = blockNumber();
    paid = BigInteger.valueOf(FEE).multiply(quantity(receipt.get("effectiveGasPrice")));
  }

  @AfterAll
  void stop() {
    node.close();
  }

  // ---- building the chain through JSON-RPC ----

  JsonNode send(Address from, Address to, byte[] data) throws Exception {
    ObjectNode tx = JsonRpcClient.object().put("from", from.toString()).put("to", to.toString())
        .put("gas", "0x4c4b40").put("data", Hex.encode(data)); // 5,000,000
    String hash = rpc.call("eth_sendTransaction", tx).asText();
    JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
    assertEquals("0x1", receipt.get("status").asText(), "transaction failed: " + receipt);
    return receipt;
  }

  Address register(Address author, Hash symbolHash, long symbolSize, Hash paramsHash, long paramsSize,
      List<Long> shape, long fee, String description) throws Exception {
    long count = quantity(rpc.call("cvm_listModels").get("total")).longValueExact();
    send(author, SystemAddresses.REGISTRY,
        ModelChain.register(symbolHash, symbolSize, paramsHash, paramsSize, shape, fee, description));
    return SystemAddresses.model(count + 1);
  }

  void upload(Address author, Address model) throws Exception {
    send(author, SystemAddresses.REGISTRY, ModelChain.uploadChunk(model, ModelFile.SYMBOL, 0, SYMBOL));
    send(author, SystemAddresses.REGISTRY, ModelChain.uploadChunk(model, ModelFile.PARAMS, 0, PARAMS));
  }

  /**
   * register(...) call data, laid out by hand: Abi encodes only elementary types, and its selector helper refuses
   * the uint32[].
   */

  /** The digit of mnist/data.npy: its last 784 bytes are the int8 pixels. */
  static byte[] digit() {
    byte[] npy = ModelChain.resource("mnist/data.npy");
    return Arrays.copyOfRange(npy, npy.length - 784, npy.length);
  }

  /** What cvm-runtime's executor gives for the MNIST model on the digit (int8 out: the byte order is moot). */
  static byte[] runtimeOutput() throws Exception {
    Model m = Model.load(new String(SYMBOL, StandardCharsets.UTF_8), PARAMS);
    InferenceCodec codec = new InferenceCodec(m.graph(), ByteOrder.BIG_ENDIAN);
    try (Executor ex = new Executor(m, 1)) {
      return codec.encodeOutput(ex.run(codec.decodeInput(DIGIT)));
    }
  }

  static BigInteger quantity(JsonNode n) {
    return new BigInteger(n.asText().substring(2), 16);
  }

  static String q(long v) {
    return "0x" + Long.toHexString(v);
  }

  long blockNumber() throws Exception {
    return quantity(rpc.call("eth_blockNumber")).longValueExact();
  }

  JsonRpcClient.RpcError error(String method, Object... params) {
    return assertThrows(JsonRpcClient.RpcError.class, () -> rpc.call(method, params));
  }

  /** The error of an eth_call of the precompile, at {@code block}. */
  JsonRpcClient.RpcError ethCallError(Address model, byte[] input, String block) {
    ObjectNode call = JsonRpcClient.object().put("to", SystemAddresses.INFER.toString())
        .put("data", Hex.encode(Abi.encodeCall(INFER, model, input)));
    return error("eth_call", call, block);
  }

  // ---- the tests ----

  @Test
  void getModelShowsAReadyModelWithItsCallsAndEarnings() throws Exception {
    JsonNode m = rpc.call("cvm_getModel", ready.toString());
    assertEquals(ready.toHex(), m.get("address").asText());
    assertEquals("0x1", m.get("index").asText());
    assertEquals(DEV0.toHex(), m.get("author").asText());
    assertEquals("ready", m.get("status").asText());
    assertTrue(m.get("rejection").isNull());
    assertEquals("mnist digits", m.get("description").asText());
    assertEquals(Keccak256.hash(SYMBOL).toHex(), m.get("symbolHash").asText());
    assertEquals(q(SYMBOL.length), m.get("symbolSize").asText());
    assertEquals(Keccak256.hash(PARAMS).toHex(), m.get("paramsHash").asText());
    assertEquals(q(PARAMS.length), m.get("paramsSize").asText());
    assertEquals("[\"0x1\",\"0x1\",\"0x1c\",\"0x1c\"]", m.get("inputShape").toString());
    assertEquals("0x1", m.get("inputElementSize").asText());
    assertEquals(q(784), m.get("inputBytes").asText());
    assertEquals("0x1", m.get("outputElementSize").asText());
    assertEquals(q(10), m.get("outputBytes").asText());
    assertEquals(q(FEE), m.get("fee").asText());
    assertEquals(q(34_335_395), m.get("ops").asText()); // GetOps of the MNIST zoo model (docs/gas.md)
    assertEquals("0x1", m.get("registeredBlock").asText());
    assertEquals(q(readyVerifiedAt + 2), m.get("readyBlock").asText());
    assertTrue(m.get("callable").asBoolean());
    assertEquals("0x1", m.get("calls").asText());
    assertEquals(paid, quantity(m.get("earned")));
    assertEquals("0x2", m.get("chunksReceived").asText());
    assertEquals("0x2", m.get("chunksTotal").asText());
    assertEquals(24, m.size());

    // at earlier blocks: before the paid call, before maturity, before registration
    JsonNode before = rpc.call("cvm_getModel", ready.toString(), q(calledAt - 1));
    assertEquals("0x0", before.get("calls").asText());
    assertEquals("0x0", before.get("earned").asText());
    assertTrue(before.get("callable").asBoolean());
    JsonNode immature = rpc.call("cvm_getModel", ready.toString(), q(readyVerifiedAt));
    assertEquals("ready", immature.get("status").asText());
    assertEquals(false, immature.get("callable").asBoolean());
    JsonNode still = rpc.call("cvm_getModel", ready.toString(), q(readyVerifiedAt - 1));
    assertEquals("uploading", still.get("status").asText());
    assertTrue(still.get("ops").isNull());
    assertTrue(still.get("readyBlock").isNull());
    assertTrue(still.get("inputBytes").isNull());
    assertEquals("0x1", still.get("chunksReceived").asText());
    assertTrue(rpc.call("cvm_getModel", ready.toString(), "earliest").isNull());
  }

  @Test
  void unknownAddressesAreNull() throws Exception {
    assertTrue(rpc.call("cvm_getModel", NOBODY.toString()).isNull());
    assertTrue(rpc.call("cvm_getUploadProgress", NOBODY.toString(), "latest").isNull());
    JsonNode rewards = rpc.call("cvm_getRewards", NOBODY.toString());
    assertEquals("{\"author\":\"" + NOBODY.toHex() + "\",\"earned\":\"0x0\",\"models\":[]}", rewards.toString());
  }

  @Test
  void rejectedModelCarriesItsReason() throws Exception {
    JsonNode m = rpc.call("cvm_getModel", rejected.toString());
    assertEquals("rejected", m.get("status").asText());
    assertEquals("input shape mismatch: the model's input is [1, 1, 28, 28] but [1, 28, 28] was registered",
        m.get("rejection").asText());
    assertEquals(false, m.get("callable").asBoolean());
    assertTrue(m.get("ops").isNull());
    assertTrue(m.get("readyBlock").isNull());
    assertEquals("0x2", m.get("chunksReceived").asText());
    JsonNode p = rpc.call("cvm_getUploadProgress", rejected.toString());
    assertEquals("rejected", p.get("status").asText());
    assertEquals(m.get("rejection"), p.get("rejection"));
    assertEquals("[]", p.get("symbol").get("missing").toString());
    assertEquals("[]", p.get("params").get("missing").toString());
  }

  @Test
  void uploadProgressListsWhatAnUploaderMustStillSend() throws Exception {
    JsonNode p = rpc.call("cvm_getUploadProgress", uploading.toString());
    assertEquals("{\"model\":\"" + uploading.toHex() + "\",\"status\":\"uploading\",\"rejection\":null,"
        + "\"chunkSize\":\"0x10000\",\"chunksReceived\":\"0x2\",\"chunksTotal\":\"0x5\","
        + "\"symbol\":{\"hash\":\"" + Keccak256.hash(new byte[] {1}).toHex() + "\",\"size\":\"0x30000\","
        + "\"chunks\":\"0x3\",\"received\":\"0x1\",\"missing\":[\"0x0\",\"0x2\"]},"
        + "\"params\":{\"hash\":\"" + Keccak256.hash(new byte[] {2}).toHex() + "\",\"size\":\"0x10001\","
        + "\"chunks\":\"0x2\",\"received\":\"0x1\",\"missing\":[\"0x0\"]}}", p.toString());
    JsonNode m = rpc.call("cvm_getModel", uploading.toString());
    assertEquals("uploading", m.get("status").asText());
    assertEquals(false, m.get("callable").asBoolean());
    // progress of the ready model before and after its chunks arrived
    JsonNode before = rpc.call("cvm_getUploadProgress", ready.toString(), q(readyVerifiedAt - 2));
    assertEquals("[\"0x0\"]", before.get("symbol").get("missing").toString());
    assertEquals("[\"0x0\"]", before.get("params").get("missing").toString());
    assertEquals("0x0", before.get("chunksReceived").asText());
    JsonNode after = rpc.call("cvm_getUploadProgress", ready.toString());
    assertEquals("ready", after.get("status").asText());
    assertEquals("0x1", after.get("params").get("received").asText());
    assertEquals("[]", after.get("params").get("missing").toString());
  }

  @Test
  void listModelsInRegistrationOrderWithPaging() throws Exception {
    JsonNode all = rpc.call("cvm_listModels");
    assertEquals("0x3", all.get("total").asText());
    assertEquals("0x0", all.get("offset").asText());
    ArrayNode models = (ArrayNode) all.get("models");
    assertEquals(3, models.size());
    List<Address> order = List.of(ready, uploading, rejected);
    for (int i = 0; i < 3; i++) {
      assertEquals(rpc.call("cvm_getModel", order.get(i).toString()), models.get(i)); // one writer for both
    }
    JsonNode page = rpc.call("cvm_listModels", null, 1, 1);
    assertEquals(1, page.get("models").size());
    assertEquals(uploading.toHex(), page.get("models").get(0).get("address").asText());
    assertEquals("{\"total\":\"0x3\",\"offset\":\"0x9\",\"models\":[]}",
        rpc.call("cvm_listModels", "latest", "0x9").toString());
    JsonNode atBlock1 = rpc.call("cvm_listModels", "0x1");
    assertEquals("0x1", atBlock1.get("total").asText());
    assertEquals("uploading", atBlock1.get("models").get(0).get("status").asText());
    assertEquals(-32602, error("cvm_listModels", "latest", 0, 101).code);
  }

  @Test
  void rewardsPerAuthorAddUpToTheRegistryTotal() throws Exception {
    assertEquals("{\"author\":\"" + DEV0.toHex() + "\",\"earned\":\"" + "0x" + paid.toString(16) + "\",\"models\":"
        + "[{\"model\":\"" + ready.toHex() + "\",\"status\":\"ready\",\"fee\":\"0x2710\",\"calls\":\"0x1\","
        + "\"earned\":\"0x" + paid.toString(16) + "\"}]}", rpc.call("cvm_getRewards", DEV0.toString()).toString());
    JsonNode dev1 = rpc.call("cvm_getRewards", DEV1.toString());
    assertEquals("0x0", dev1.get("earned").asText());
    assertEquals(2, dev1.get("models").size());
    assertEquals(uploading.toHex(), dev1.get("models").get(0).get("model").asText());
    assertEquals(rejected.toHex(), dev1.get("models").get(1).get("model").asText());
    assertEquals("0x0", rpc.call("cvm_getRewards", DEV0.toString(), q(calledAt - 1)).get("earned").asText());
  }

  @Test
  void inferGivesTheOnChainOutputWithoutCountingTheCall() throws Exception {
    byte[] expected = runtimeOutput();
    assertEquals(10, expected.length);
    long head = blockNumber();
    JsonNode r = rpc.call("cvm_infer", ready.toString(), Hex.encode(DIGIT));
    assertEquals(Hex.encode(expected), r.get("output").asText());
    assertEquals(q(890_766), r.get("gas").asText()); // the worked example of docs/gas.md
    assertEquals(2, r.size());

    ObjectNode call = JsonRpcClient.object().put("to", SystemAddresses.INFER.toString())
        .put("data", Hex.encode(Abi.encodeCall(INFER, ready, DIGIT)));
    byte[] onChain = (byte[]) Abi.decode(List.of("bytes"), Hex.decode(rpc.call("eth_call", call).asText()
        .substring(2))).get(0);
    assertArrayEquals(expected, onChain);
    // at the first callable block too, and nothing was mined, counted or paid
    assertEquals(r, rpc.call("cvm_infer", ready.toString(), Hex.encode(DIGIT), q(readyVerifiedAt + 2)));
    assertEquals(head, blockNumber());
    assertEquals("0x1", rpc.call("cvm_getModel", ready.toString()).get("calls").asText());
  }

  @Test
  void inferFailsExactlyAsAnEthCallOfThePrecompile() throws Exception {
    JsonRpcClient.RpcError wrongLength = error("cvm_infer", ready.toString(), "0x010203");
    assertEquals(3, wrongLength.code);
    assertEquals("execution reverted: infer: model " + ready + " takes 784 input bytes ([1, 1, 28, 28], int8),"
        + " got 3", wrongLength.getMessage());
    assertSameError(ethCallError(ready, new byte[] {1, 2, 3}, "latest"), wrongLength);

    String immatureAt = q(readyVerifiedAt + 1);
    JsonRpcClient.RpcError immature = error("cvm_infer", ready.toString(), Hex.encode(DIGIT), immatureAt);
    assertEquals("execution reverted: infer: model " + ready + " is not mature: callable from block "
        + (readyVerifiedAt + 2) + ", this is block " + (readyVerifiedAt + 1), immature.getMessage());
    assertSameError(ethCallError(ready, DIGIT, immatureAt), immature);

    JsonRpcClient.RpcError unknown = error("cvm_infer", NOBODY.toString(), "0x");
    assertEquals("execution reverted: infer: no model is registered at " + NOBODY, unknown.getMessage());
    assertSameError(ethCallError(NOBODY, new byte[0], "latest"), unknown);

    JsonRpcClient.RpcError stillUploading = error("cvm_infer", uploading.toString(), "0x00");
    assertEquals("execution reverted: infer: model " + uploading + " is still uploading (2 of 5 chunks received)",
        stillUploading.getMessage());
    assertSameError(ethCallError(uploading, new byte[1], "latest"), stillUploading);

    JsonRpcClient.RpcError wasRejected = error("cvm_infer", rejected.toString(), Hex.encode(DIGIT));
    assertTrue(wasRejected.getMessage().startsWith("execution reverted: infer: model " + rejected
        + " was rejected: input shape mismatch"), wasRejected.getMessage());
    assertSameError(ethCallError(rejected, DIGIT, "latest"), wasRejected);
  }

  static void assertSameError(JsonRpcClient.RpcError expected, JsonRpcClient.RpcError actual) {
    assertEquals(expected.code, actual.code);
    assertEquals(expected.getMessage(), actual.getMessage());
    assertNotNull(actual.data);
    assertEquals(expected.data, actual.data);
  }

  @Test
  void malformedParamsAreRefusedAndTheNodeKeepsServing() throws Exception {
    JsonRpcClient.RpcError badAddress = error("cvm_getModel", "0x1234");
    assertEquals(-32602, badAddress.code);
    assertEquals("invalid argument 0 (address): an address must be 20 bytes (40 hex digits), got 2",
        badAddress.getMessage());
    JsonRpcClient.RpcError badHex = error("cvm_infer", ready.toString(), "0xabc");
    assertEquals(-32602, badHex.code);
    assertEquals("invalid argument 1 (input): hex string of odd length", badHex.getMessage());
    JsonRpcClient.RpcError notAString = error("cvm_getRewards", 5);
    assertEquals(-32602, notAString.code);
    assertEquals("invalid argument 0 (author): expected a JSON string, got a number", notAString.getMessage());
    JsonRpcClient.RpcError future = error("cvm_getUploadProgress", ready.toString(), q(blockNumber() + 1));
    assertEquals(-32000, future.code);
    assertEquals("header not found", future.getMessage());
    assertEquals(-32000, error("cvm_infer", ready.toString(), Hex.encode(DIGIT), q(blockNumber() + 5)).code);
    assertEquals("ready", rpc.call("cvm_getModel", ready.toString()).get("status").asText());
  }
}
