package org.cvmj.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.uploader.bench.SyntheticModel;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.contracts.IModelRegistry;
import org.cvmj.uploader.wallet.DevKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Uploads that must not succeed, each with the outcome docs/upload.md and docs/models-on-chain.md give it, and
 * nothing lost or changed beside it: a wrong shape, another account's chunk, a corrupted chunk, a model that fails
 * the precision checks. One {@code bin/cvm-chain} node for the class; each test signs with dev accounts of its own.
 */
class RefusedUploadsTest {
  @TempDir
  static Path dir;

  private static NodeProcess node;
  private static Client client;
  private static Rpc rpc;
  private static Registry registry;

  @BeforeAll
  static void startNode() throws Exception {
    if (!Repo.launchersBuilt()) {
      return; // each test then skips, saying what to build
    }
    node = NodeProcess.start(dir, dir.resolve("chain"), 0);
    client = new Client(node.url());
    rpc = Rpc.connect(node.url());
    registry = new Registry(rpc);
  }

  @BeforeEach
  void needsTheLaunchers() {
    Repo.assumeLaunchersBuilt();
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (rpc != null) {
      rpc.close();
    }
    if (client != null) {
      client.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static Outcome upload(String... args) throws Exception {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--rpc";
    all[args.length + 1] = node.url();
    return Launcher.run(dir, "upload", all);
  }

  private static long nonce(Credentials c) throws Exception {
    return client.nonce(c.getAddress(), DefaultBlockParameterName.PENDING).longValueExact();
  }

  @Test
  void aShapeThatDoesNotMatchExitsWithBothShapesAndSendsNothing() throws Exception {
    Credentials author = DevKeys.credentials(0);
    long nonce = nonce(author);
    long head = client.blockNumber();

    Outcome r = upload("--model", Repo.MNIST.toString(), "--shape", "1,28,29", "--dev-account", "0", "--fee", "10000");
    assertEquals(1, r.code(), r.describe());
    assertEquals("upload: --shape 1,28,29 does not match the model's input shape 1,1,28,28 (" + Repo.MNIST
        + "); pass --shape 1,1,28,28 or 1,28,28\n", r.messages());
    assertEquals("", r.out());
    assertEquals(nonce, nonce(author), "the author signed nothing");
    assertEquals(head, client.blockNumber(), "no block was made");
  }

  @Test
  void anotherAccountCannotUploadAChunkAndGetsARegistrationOfItsOwn() throws Exception {
    Credentials author = DevKeys.credentials(3);
    Credentials other = DevKeys.credentials(2);
    String[] mnist = {"--model", Repo.MNIST.toString(), "--shape", "1,28,28", "--fee", "10000"};
    Outcome first = upload(concat(mnist, "--dev-account", "3", "--max-chunks", "1"));
    assertEquals(0, first.code(), first.describe());
    assertEquals("uploading", first.value("status"));
    String model = first.value("model");
    assertEquals("1 of 2 on chain, 1 sent in this run", first.value("chunks"));

    // the other account sends the missing params chunk, with the right bytes, for the author's model
    byte[] params = Files.readAllBytes(Repo.MNIST.resolve("params"));
    String data = registry.contract().uploadChunk(model, BigInteger.ONE, BigInteger.ZERO, params)
        .encodeFunctionCall();
    TransactionReceipt refused = client.send(other, InferAbi.REGISTRY, data, BigInteger.valueOf(2_000_000));
    assertFalse(refused.isStatusOK());
    // a revert with a reason returns the gas: used is the call data's intrinsic cost and a little more
    long beyondIntrinsic = refused.getGasUsed().longValueExact() - intrinsicGas(data);
    assertTrue(beyondIntrinsic >= 0 && beyondIntrinsic < 50_000, "a revert, not out of gas: " + beyondIntrinsic);
    EthCall why = client.call(other.getAddress(), InferAbi.REGISTRY, data);
    assertEquals("execution reverted: uploadChunk: only the author " + Keys.toChecksumAddress(author.getAddress())
        + " may upload model " + Keys.toChecksumAddress(model), why.getError().getMessage());
    Map<String, Object> progress = client.object("cvm_getUploadProgress", model);
    assertEquals("0x1", progress.get("chunksReceived"));

    // the same files uploaded by the other account: a model of its own, never the author's
    Outcome own = upload(concat(mnist, "--dev-account", "2"));
    assertEquals(0, own.code(), own.describe());
    String ownModel = own.value("model");
    assertNotEquals(model, ownModel);
    assertTrue(own.err().contains("upload: registered model " + ownModel + "\n"), own.err());
    assertEquals(Keys.toChecksumAddress(other.getAddress()), Keys.toChecksumAddress(
        (String) client.object("cvm_getModel", ownModel).get("author")));
    assertEquals("0x1", client.object("cvm_getUploadProgress", model).get("chunksReceived"), "author's untouched");

    // and the author's upload resumes where it stopped
    Outcome rest = upload(concat(mnist, "--dev-account", "3"));
    assertEquals(0, rest.code(), rest.describe());
    assertEquals(model, rest.value("model"));
    assertTrue(rest.err().contains("upload: resuming model " + model + ": 1 of 2 chunks already on chain\n"),
        rest.err());
    assertEquals("2 of 2 on chain, 1 sent in this run (resumed an earlier registration)", rest.value("chunks"));
    assertTrue(rest.value("status").startsWith("ready, callable from block "), rest.describe());
  }

  @Test
  void aCorruptedChunkGetsTheModelRejectedAndChangesNothingElse() throws Exception {
    Credentials author = DevKeys.credentials(4);
    byte[] symbol = Files.readAllBytes(Repo.MNIST.resolve("symbol"));
    byte[] params = Files.readAllBytes(Repo.MNIST.resolve("params"));
    assertTrue(params.length <= 65_536, "the MNIST params are one chunk");
    Object before = client.result("cvm_listModels");

    String register = registry.contract().register(Hash.sha3(symbol), BigInteger.valueOf(symbol.length),
        Hash.sha3(params), BigInteger.valueOf(params.length), dims(1, 1, 28, 28), BigInteger.ZERO, "corrupted")
        .encodeFunctionCall();
    TransactionReceipt registered = client.send(author, InferAbi.REGISTRY, register, BigInteger.valueOf(1_000_000));
    assertTrue(registered.isStatusOK(), registered.toString());
    List<IModelRegistry.RegisteredEventResponse> events = IModelRegistry.getRegisteredEvents(registered);
    assertEquals(1, events.size());
    String model = Keys.toChecksumAddress(events.get(0).model);

    TransactionReceipt symbolChunk = client.send(author, InferAbi.REGISTRY, registry.contract().uploadChunk(model,
        BigInteger.ZERO, BigInteger.ZERO, symbol).encodeFunctionCall(), BigInteger.valueOf(1_500_000));
    assertTrue(symbolChunk.isStatusOK(), symbolChunk.toString());
    byte[] corrupted = params.clone();
    corrupted[params.length / 2] ^= 0x01;
    TransactionReceipt last = client.send(author, InferAbi.REGISTRY, registry.contract().uploadChunk(model,
        BigInteger.ONE, BigInteger.ZERO, corrupted).encodeFunctionCall(), BigInteger.valueOf(2_000_000));
    assertTrue(last.isStatusOK(), "the verdict is state; the chunk transaction itself succeeds");

    String reason = "params hash mismatch: the uploaded params hash to " + Hash.sha3(InferAbi.hex(corrupted))
        + " but " + Hash.sha3(InferAbi.hex(params)) + " was registered";
    List<IModelRegistry.RejectedEventResponse> rejected = IModelRegistry.getRejectedEvents(last);
    assertEquals(1, rejected.size());
    assertEquals(reason, rejected.get(0).reason);
    Map<String, Object> m = client.object("cvm_getModel", model);
    assertEquals("rejected", m.get("status"));
    assertEquals(reason, m.get("rejection"));
    assertEquals(null, m.get("readyBlock"));
    Outcome status = Launcher.run(dir, "upload", "status", model, "--rpc", node.url());
    assertEquals(0, status.code(), status.describe());
    assertEquals("rejected: " + reason, status.value("status"));

    // the chunks stand as sent: the symbol intact, the params chunk the bytes that were sent
    assertEquals(InferAbi.hex(Hash.sha3(symbol)), InferAbi.hex(chunkHash(model, 0, 0)));
    assertEquals(InferAbi.hex(Hash.sha3(corrupted)), InferAbi.hex(chunkHash(model, 1, 0)));
    // and every model registered before is as it was
    @SuppressWarnings("unchecked")
    List<Object> earlier = (List<Object>) ((Map<String, Object>) before).get("models");
    @SuppressWarnings("unchecked")
    List<Object> now = (List<Object>) ((Map<String, Object>) client.result("cvm_listModels")).get("models");
    assertEquals(earlier, now.subList(0, earlier.size()));
  }

  @Test
  void aModelOutsideItsPrecisionIsRefusedLocallyAndRejectedByTheChainForTheSameReason() throws Exception {
    Credentials author = DevKeys.credentials(5);
    // weights declared as 4-bit (|w| <= 7), one of them 100
    int units = 4;
    int[] w = new int[units * SyntheticModel.FEATURES];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 15 - 7;
    }
    w[37] = 100;
    Path bad = SyntheticModel.dense(dir.resolve("precision"), units, 4, w);
    ModelException check = assertThrows(ModelException.class, () -> Model.load(bad));
    assertTrue(check.getMessage().contains("value 100 at flat index 37 is outside precision 4"), check.getMessage());

    long nonce = nonce(author);
    long head = client.blockNumber();
    Outcome local = upload("--model", bad.toString(), "--dev-account", "5");
    assertEquals(1, local.code(), local.describe());
    assertEquals("upload: the model " + bad + " fails cvm-runtime's load checks, so the chain would reject it: "
        + check.getMessage() + "\n", local.messages());
    assertEquals(nonce, nonce(author), "nothing sent");
    assertEquals(head, client.blockNumber());

    Outcome chain = upload("--model", bad.toString(), "--dev-account", "5", "--skip-local-checks", "--shape",
        "1," + SyntheticModel.FEATURES);
    assertEquals(1, chain.code(), chain.describe());
    String reason = "the model fails cvm-runtime's load checks: " + check.getMessage();
    String model = chain.value("model");
    assertEquals("rejected: " + reason, chain.value("status"));
    assertTrue(chain.err().endsWith("upload: the chain rejected model " + model + ": " + reason + "\n"), chain.err());
    Outcome status = Launcher.run(dir, "upload", "status", model, "--rpc", node.url());
    assertEquals("rejected: " + reason, status.value("status"));
    assertEquals(reason, client.object("cvm_getModel", model).get("rejection"));
  }

  private static byte[] chunkHash(String model, int file, int index) throws Exception {
    return registry.contract().chunkHash(model, BigInteger.valueOf(file), BigInteger.valueOf(index)).send();
  }

  /** 21,000 plus 16 gas per non-zero and 4 per zero byte of call data (EIP-2028). */
  private static long intrinsicGas(String data) {
    long gas = 21_000;
    for (byte b : org.web3j.utils.Numeric.hexStringToByteArray(data)) {
      gas += b == 0 ? 4 : 16;
    }
    return gas;
  }

  private static List<BigInteger> dims(long... d) {
    return Arrays.stream(d).mapToObj(BigInteger::valueOf).toList();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
