package org.cvmj.uploader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvmj.chain.models.ModelRules;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.uploader.TestModels;
import org.cvmj.uploader.TestNode;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.wallet.DevKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/** The {@code upload} command line through its entry point ({@link UploadCli#commandLine}), against a dev node. */
class UploadCliTest {
  @TempDir
  Path dir;

  /** What one command printed and returned. */
  record Run(int code, String out, String err) {
    List<String> lines() {
      return Arrays.asList(out.split("\n"));
    }
  }

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = UploadCli.commandLine(env);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  private static String mnist() {
    return TestModels.mnist().toString();
  }

  @Test
  void everyCommandHasHelp() {
    Run top = run("--help");
    assertEquals(0, top.code());
    assertTrue(top.out().startsWith("Usage: upload [-hV]"), top.out());
    assertTrue(top.out().contains("--shape=D,D,..."), top.out());
    assertTrue(top.out().contains("Exit codes: 0 done"), top.out());
    for (String sub : List.of("status", "rewards", "demo")) {
      Run r = run(sub, "--help");
      assertEquals(0, r.code(), sub);
      assertTrue(r.out().startsWith("Usage: upload " + sub + " [-hV]"), r.out());
    }
    Run version = run("--version");
    assertEquals("upload 0.1.0\n", version.out());
  }

  @Test
  void demoRunsTheMainFlowAgainstANode() throws Exception {
    Path model = dir.resolve("model");
    Files.createDirectories(model);
    for (String f : List.of("symbol", "params")) {
      Files.copy(TestModels.mnist().resolve(f), model.resolve(f));
    }
    // the model's own digit, labelled 9 whatever the model says: the demo must report a mismatch, not hide it
    byte[] digit = Files.readAllBytes(TestModels.mnist().resolve("data.npy"));
    Files.write(model.resolve("samples.npy"), digit);
    Files.write(model.resolve("labels.npy"), Npy.write(Shape.of(1),
        new int[] {9}, 4));
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Run r = run("demo", "--model", model.toString(), "--rpc", n.url());
      assertEquals(0, r.code(), r.err());
      List<String> lines = r.lines();
      String row = lines.stream().filter(l -> l.matches("\\s+0\\s+9\\s+\\d+\\s+\\d+\\s+0x\\p{XDigit}{64}.*"))
          .findFirst().orElseThrow(() -> new AssertionError(r.out()));
      long predicted = Long.parseLong(row.trim().split("\\s+")[2]);
      assertEquals(predicted == 9 ? "correct:    1 of 1" : "correct:    0 of 1",
          lines.stream().filter(l -> l.startsWith("correct:")).findFirst().orElseThrow());
      assertEquals(predicted != 9, row.endsWith("(wrong)"), row);
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("rewards:    the author earned ")
          && l.contains(" from 1 paid calls")), r.out());
      Matcher m = Pattern.compile("uploaded: +model (0x\\p{XDigit}{40}),")
          .matcher(r.out());
      assertTrue(m.find(), r.out());
      assertEquals(1, n.record(m.group(1)).calls());
    }
  }

  @Test
  void uploadsWithAKeystoreThenShowsStatusAndRewardsOfAPaidCall() throws Exception {
    ECKeyPair key = Keys.createEcKeyPair();
    Path keystore = dir.resolve(WalletUtils.generateWalletFile("s3cret", key, dir.toFile(), false));
    Credentials author = Credentials.create(key);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      // the new key needs ether for gas: dev account 1 sends it 10 ETH
      mine(n, DevKeys.credentials(1), author.getAddress(), Convert.toWei("10", Convert.Unit.ETHER).toBigInteger(),
          "0x", 21_000);

      Run up = run(Map.of("UPLOAD_PW", "s3cret"), "--model", mnist(), "--shape", "1,28,28", "--rpc", n.url(),
          "--keystore", keystore.toString(), "--password-env", "UPLOAD_PW", "--fee", "10000", "--description",
          "MNIST digits");
      assertEquals(0, up.code(), up.err());
      String model = Keys.toChecksumAddress(new Registry(n.rpc).modelAt(1));
      List<String> lines = up.lines();
      assertEquals("model:        " + model, lines.get(0));
      // blocks: 1 funding, 2 register, 3 and 4 the chunks; verified in 4
      assertEquals("status:       ready, callable from block 6 (head is 4)", lines.get(1));
      assertEquals("chunks:       2 of 2 on chain, 2 sent in this run", lines.get(2));
      assertTrue(lines.get(3).startsWith("transactions: 3, gas used "), lines.get(3));
      assertTrue(up.err().contains("upload: registered model "), up.err());
      assertTrue(up.err().contains("upload: params chunk 0: 2 of 2 chunks on chain"), up.err());
      assertEquals(n.record(model).author().toHex(), author.getAddress());

      // mature it, then call it once from dev account 3, paying the 10,000-gas fee
      for (int i = 0; i < ModelRules.DEV_MATURITY; i++) {
        mine(n, DevKeys.credentials(2), DevKeys.credentials(5).getAddress(), BigInteger.ONE, "0x", 21_000);
      }
      byte[] npy = Files.readAllBytes(TestModels.mnist().resolve("data.npy"));
      byte[] image = Arrays.copyOfRange(npy, npy.length - 784, npy.length);
      String infer = FunctionEncoder.encode(new Function("infer", List.of(new Address(model),
          new DynamicBytes(image)), List.of()));
      TransactionReceipt call = mine(n, DevKeys.credentials(3), "0x000000000000000000000000000000000000c001",
          BigInteger.ZERO, infer, 1_000_000);
      assertTrue(call.isStatusOK());
      BigInteger earned = BigInteger.valueOf(10_000).multiply(Numeric.decodeQuantity(call.getEffectiveGasPrice()));
      String earnedText = earned + " wei (" + Convert.fromWei(new BigDecimal(earned), Convert.Unit.ETHER)
          .stripTrailingZeros().toPlainString() + " ETH)";

      Run status = run("status", model, "--rpc", n.url());
      assertEquals(0, status.code(), status.err());
      List<String> s = status.lines();
      assertEquals("model:        " + model, s.get(0));
      assertEquals("author:       " + Keys.toChecksumAddress(author.getAddress()), s.get(1));
      assertEquals("status:       ready, callable from block 6 (now; head 7)", s.get(2));
      assertEquals("description:  MNIST digits", s.get(3));
      assertEquals("input shape:  1,1,28,28", s.get(4));
      assertEquals("symbol:       16720 bytes, keccak256 " + Numeric.toHexString(org.web3j.crypto.Hash.sha3(
          Files.readAllBytes(TestModels.mnist().resolve("symbol")))), s.get(5));
      assertEquals("chunks:       2 of 2 received", s.get(7));
      assertEquals("fee:          10000 gas per call", s.get(8));
      assertEquals("ops:          34335395", s.get(9));
      assertEquals("calls:        1", s.get(10));
      assertEquals("earned:       " + earnedText, s.get(11));

      Run rewards = run("rewards", author.getAddress(), "--rpc", n.url());
      assertEquals(0, rewards.code(), rewards.err());
      assertEquals(List.of("author:       " + Keys.toChecksumAddress(author.getAddress()),
          "earned:       " + earnedText, "models:       1",
          "  " + model + "  ready, fee 10000 gas, 1 call, earned " + earnedText), rewards.lines());

      Run byKey = run(Map.of("UPLOAD_PW", "s3cret"), "rewards", "--keystore", keystore.toString(), "--password-env",
          "UPLOAD_PW", "--rpc", n.url());
      assertEquals(rewards.out(), byKey.out());
      Run nobody = run("rewards", DevKeys.credentials(9).getAddress(), "--rpc", n.url());
      assertEquals(List.of("author:       " + Keys.toChecksumAddress(DevKeys.credentials(9).getAddress()),
          "earned:       0 wei (0 ETH)", "models:       0"), nobody.lines());
    }
  }

  @Test
  void aShapeThatDoesNotMatchIsRefusedBeforeAnyTransaction() throws Exception {
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Run r = run("--model", mnist(), "--shape", "1,3,28,28", "--rpc", n.url(), "--dev-account", "0");
      assertEquals(UploadCli.INVALID, r.code());
      assertEquals("", r.out());
      assertEquals("upload: --shape 1,3,28,28 does not match the model's input shape 1,1,28,28 (" + mnist()
          + "); pass --shape 1,1,28,28 or 1,28,28\n", r.err());
      assertEquals(BigInteger.ZERO, n.nonce(0));
      assertEquals(0, n.chain().head().number());
    }
  }

  @Test
  void resumesThroughTheCli() throws Exception {
    Path model = TestModels.dense(dir.resolve("dense"), 500, 8);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Run first = run("--model", model.toString(), "--rpc", n.url(), "--dev-account", "1", "--max-chunks", "1");
      assertEquals(0, first.code(), first.err());
      assertEquals("status:       uploading", first.lines().get(1));
      assertEquals("chunks:       1 of 4 on chain, 1 sent in this run", first.lines().get(2));
      assertEquals("next:         run the same command again to upload the rest", first.lines().get(3));
      String address = first.lines().get(0).substring("model:        ".length());

      Run status = run("status", address, "--rpc", n.url());
      assertEquals("status:       uploading", status.lines().get(2));
      assertEquals("chunks:       1 of 4 received", status.lines().get(7));
      assertEquals("missing:      params 0-2", status.lines().get(8));

      Run second = run("--model", model.toString(), "--rpc", n.url(), "--dev-account", "1");
      assertEquals(0, second.code(), second.err());
      assertEquals(first.lines().get(0), second.lines().get(0), "the same model address");
      assertEquals("chunks:       4 of 4 on chain, 3 sent in this run (resumed an earlier registration)",
          second.lines().get(2));
      assertTrue(second.err().contains("upload: resuming model "), second.err());
      assertEquals(BigInteger.valueOf(5), n.nonce(1));
    }
  }

  @Test
  void aModelTheChainRejectsExitsWithItsReason() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.copy(TestModels.mnist().resolve("symbol"), bad.resolve("symbol"));
    Files.copy(TestModels.dense(dir.resolve("dense"), 10, 6).resolve("params"), bad.resolve("params"));
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Run refused = run("--model", bad.toString(), "--rpc", n.url(), "--dev-account", "0");
      assertEquals(UploadCli.INVALID, refused.code());
      assertTrue(refused.err().startsWith("upload: the model " + bad + " fails cvm-runtime's load checks, so the"
          + " chain would reject it: "), refused.err());
      assertEquals(BigInteger.ZERO, n.nonce(0));

      Run r = run("--model", bad.toString(), "--shape", "1,1,28,28", "--skip-local-checks", "--rpc", n.url(),
          "--dev-account", "0");
      assertEquals(UploadCli.INVALID, r.code());
      String reason = n.record(new Registry(n.rpc).modelAt(1)).rejection();
      assertTrue(reason.startsWith("the model fails cvm-runtime's load checks: "), reason);
      assertEquals("status:       rejected: " + reason, r.lines().get(1));
      String address = Keys.toChecksumAddress(new Registry(n.rpc).modelAt(1));
      assertTrue(r.err().endsWith("upload: the chain rejected model " + address + ": "
          + reason + "\n"), r.err());
    }
  }

  @Test
  void badInputAndUnreachableNodesAreNamed() throws Exception {
    Run noKey = run("--model", mnist());
    assertEquals(UploadCli.INVALID, noKey.code());
    assertEquals("upload: no key: pass --keystore FILE (with --password-env VAR or a terminal to type the password)"
        + " or, on a dev chain, --dev-account N\n", noKey.err());

    Run noModel = run("--dev-account", "0");
    assertEquals(UploadCli.INVALID, noModel.code());
    assertEquals("upload: no model: pass --model DIR, or both --symbol FILE and --params FILE\n", noModel.err());

    Run missingDir = run("--model", dir.resolve("none").toString(), "--dev-account", "0");
    assertEquals(UploadCli.INVALID, missingDir.code());
    assertEquals("upload: --model " + dir.resolve("none") + " is not a directory; it must hold 'symbol' and"
        + " 'params'\n", missingDir.err());

    Run unreachable = run("--model", mnist(), "--dev-account", "0", "--rpc", "http://127.0.0.1:1");
    assertEquals(UploadCli.FAILURE, unreachable.code());
    assertTrue(unreachable.err().contains("\nupload: cannot reach the node at http://127.0.0.1:1 ("),
        unreachable.err());
    assertTrue(unreachable.err().endsWith("); start a dev node with `bin/cvm-chain node --dev` or pass --rpc URL\n"),
        unreachable.err());

    Run badUrl = run("status", "0x0000000000000000000000000000000000001234", "--rpc", "localhost:8545");
    assertEquals(UploadCli.INVALID, badUrl.code());
    assertEquals("upload: --rpc localhost:8545 is not an http:// or https:// URL\n", badUrl.err());

    Run badAddress = run("status", "0x1234");
    assertEquals(UploadCli.INVALID, badAddress.code());
    assertEquals("upload: model 0x1234 is not an address (0x and 40 hex digits)\n", badAddress.err());

    Run usage = run("--no-such-option");
    assertEquals(UploadCli.FAILURE, usage.code());
    assertTrue(usage.err().startsWith("Unknown option: '--no-such-option'"), usage.err());

    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      String nowhere = "0x0000000000000000000000000000000000001234";
      Run unknown = run("status", nowhere, "--rpc", n.url());
      assertEquals(UploadCli.INVALID, unknown.code());
      assertEquals("upload: modelInfo: no model is registered at " + nowhere + "\n", unknown.err());
    }
  }

  /** Sends a transaction from {@code from} and returns its receipt (automine: mined at once). */
  private static TransactionReceipt mine(TestNode n, Credentials from, String to, BigInteger value, String data,
      long gas) throws Exception {
    BigInteger nonce = n.rpc.pendingNonce(from.getAddress());
    RawTransaction tx = RawTransaction.createTransaction(1337L, nonce, BigInteger.valueOf(gas), to, value, data,
        BigInteger.ONE, BigInteger.TEN.pow(10));
    String hash = n.rpc.web3j().ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, 1337L,
        from))).send().getTransactionHash();
    return n.rpc.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
  }
}
