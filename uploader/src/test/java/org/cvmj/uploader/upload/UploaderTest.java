package org.cvmj.uploader.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.models.ModelRecord;
import org.cvmj.chain.models.ModelRules;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.TestModels;
import org.cvmj.uploader.TestNode;
import org.cvmj.uploader.chain.ModelStatus;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.model.Chunk;
import org.cvmj.uploader.model.InputShape;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.uploader.model.ModelFiles;
import org.cvmj.uploader.model.ModelUpload;
import org.cvmj.uploader.wallet.DevKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;

class UploaderTest {
  private static final UploadOptions OPTIONS = UploadOptions.defaults();

  @TempDir
  Path dir;

  /** Records what an upload reported. */
  static final class Recorder implements UploadListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void registered(String model) {
      events.add("registered");
    }

    @Override
    public void resumed(String model, int received, int total) {
      events.add("resumed " + received + "/" + total);
    }

    @Override
    public void plan(int toSend, int received, int total) {
      events.add("plan " + toSend + " " + received + "/" + total);
    }

    @Override
    public void chunkConfirmed(Chunk chunk, int received, int total) {
      events.add(chunk + " " + received + "/" + total);
    }

    @Override
    public void verdict(UploadResult result) {
      events.add("verdict " + result.status().label());
    }
  }

  private static ModelUpload mnist(long fee, String description) throws Exception {
    return ModelUpload.prepare(ModelFiles.read(TestModels.mnist()), Optional.of(InputShape.of(1, 28, 28)), fee,
        description, true);
  }

  @Test
  void uploadsTheMnistModelAndTheNodeStoresTheSameBytes() throws Exception {
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      ModelUpload m = mnist(10_000, "MNIST digits");
      assertEquals(InputShape.of(1, 1, 28, 28), m.shape(), "the registered shape is the model's full input shape");
      Recorder rec = new Recorder();
      Credentials author = DevKeys.credentials(0);
      UploadResult r = new Uploader(n.rpc, author, OPTIONS).upload(m, rec);

      assertEquals(ModelStatus.READY, r.status());
      assertEquals("", r.reason());
      assertFalse(r.resumed());
      assertEquals(2, r.chunksTotal());
      assertEquals(2, r.chunksReceived());
      assertEquals(2, r.chunksSent());
      assertEquals(3, r.transactions());
      assertEquals(BigInteger.valueOf(3), n.nonce(0), "register and two chunks");
      assertEquals(List.of("registered", "plan 2 0/2", "symbol chunk 0 1/2", "params chunk 0 2/2", "verdict ready"),
          rec.events);

      assertEquals(new Registry(n.rpc).modelAt(1).toLowerCase(), r.model().toLowerCase());
      ModelRecord onChain = n.record(r.model());
      assertEquals(org.cvmj.chain.models.ModelStatus.READY, onChain.status());
      assertEquals(author.getAddress(), onChain.author().toHex());
      assertEquals(List.of(1L, 1L, 28L, 28L), onChain.inputShape());
      assertEquals(10_000, onChain.fee());
      assertEquals("MNIST digits", onChain.description());
      assertEquals(onChain.readyBlock(), r.readyBlock());
      assertEquals(n.chain().head().number() + ModelRules.DEV_MATURITY, r.readyBlock(),
          "verified in the last block, mature " + ModelRules.DEV_MATURITY + " blocks later");
      assertFalse(r.callable(), "the dev chain needs two more blocks");

      byte[] symbol = Files.readAllBytes(TestModels.mnist().resolve("symbol"));
      byte[] params = Files.readAllBytes(TestModels.mnist().resolve("params"));
      assertArrayEquals(symbol, n.storedFile(r.model(), 0));
      assertArrayEquals(params, n.storedFile(r.model(), 1));
      assertArrayEquals(Hash.sha3(params), onChain.paramsHash().bytes());

      // gas: the receipts' sum, which the chain also charged the author
      BigInteger chainGas = BigInteger.ZERO;
      for (var b = n.chain().head().number(); b >= 1; b--) {
        chainGas = chainGas.add(BigInteger.valueOf(n.chain().header(b).gasUsed()));
      }
      assertEquals(chainGas, r.gasUsed());
    }
  }

  @Test
  void aRunStoppedAfterSomeChunksIsResumedWithOnlyTheMissingOnes() throws Exception {
    ModelUpload m = ModelUpload.prepare(ModelFiles.read(TestModels.dense(dir.resolve("dense"), 1000, 1)),
        Optional.empty(), 0, "dense", true);
    assertEquals(6, m.files().chunks().size(), "1 symbol chunk and 5 params chunks");
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Credentials author = DevKeys.credentials(0);
      UploadResult first = new Uploader(n.rpc, author, OPTIONS.withMaxChunks(2)).upload(m, UploadListener.NONE);
      assertEquals(ModelStatus.UPLOADING, first.status());
      assertEquals(2, first.chunksSent());
      assertEquals(2, first.chunksReceived());
      assertEquals(BigInteger.valueOf(3), n.nonce(0));
      assertEquals(List.of(1, 2, 3, 4), missing(n, first.model(), 1));
      assertEquals(List.of(), missing(n, first.model(), 0));

      Recorder rec = new Recorder();
      UploadResult second = new Uploader(n.rpc, author, OPTIONS).upload(m, rec);
      assertEquals(first.model(), second.model());
      assertTrue(second.resumed());
      assertEquals(ModelStatus.READY, second.status());
      assertEquals(4, second.chunksSent());
      assertEquals(4, second.transactions(), "no second registration");
      assertEquals(6, second.chunksReceived());
      assertEquals(BigInteger.valueOf(7), n.nonce(0));
      assertEquals(List.of("resumed 2/6", "plan 4 2/6", "params chunk 1 3/6", "params chunk 2 4/6",
          "params chunk 3 5/6", "params chunk 4 6/6", "verdict ready"), rec.events);
      assertArrayEquals(m.files().params(), n.storedFile(second.model(), 1));
      assertEquals(1, n.registry().modelCount());

      // nothing left: a third run registers anew (the finished model is not "still uploading")
      assertEquals(Optional.empty(), new Uploader(n.rpc, author, OPTIONS).findResumable(m));
    }
  }

  @Test
  void chunkTransactionsArePipelinedIntoFewBlocks() throws Exception {
    ModelUpload m = ModelUpload.prepare(ModelFiles.read(TestModels.dense(dir.resolve("dense"), 1000, 9)),
        Optional.empty(), 0, "", true);
    try (TestNode n = TestNode.withBlockTime(dir.resolve("chain"), 1)) {
      UploadResult r = new Uploader(n.rpc, DevKeys.credentials(0), OPTIONS).upload(m, UploadListener.NONE);
      assertEquals(ModelStatus.READY, r.status());
      assertEquals(6, r.chunksSent());
      // the six chunk transactions were sent without waiting for each other: they share one block, or two when a
      // block boundary fell while they were being sent (one at a time they would need six)
      List<Long> blocks = new ArrayList<>();
      for (long b = 1; b <= n.chain().head().number(); b++) {
        int txs = n.chain().blockByNumber(b).orElseThrow().transactions().size();
        for (int i = 0; i < txs; i++) {
          blocks.add(b);
        }
      }
      assertEquals(7, blocks.size(), "register and six chunks: " + blocks);
      long chunkBlocks = blocks.subList(1, 7).stream().distinct().count();
      assertTrue(chunkBlocks <= 2, "chunks in blocks " + blocks.subList(1, 7));
    }
  }

  @Test
  void withoutWaitingItReturnsOnceTheChunksAreInThePool() throws Exception {
    ModelUpload m = ModelUpload.prepare(ModelFiles.read(TestModels.dense(dir.resolve("dense"), 500, 10)),
        Optional.empty(), 0, "", true);
    try (TestNode n = TestNode.withBlockTime(dir.resolve("chain"), 1)) {
      Recorder rec = new Recorder();
      UploadResult r = new Uploader(n.rpc, DevKeys.credentials(0), OPTIONS.withWaitForVerdict(false)).upload(m, rec);
      assertEquals(4, r.chunksSent());
      assertEquals(5, r.transactions());
      assertEquals(List.of("registered", "plan 4 0/4"), rec.events, "no chunk was waited for");
      // the registration was mined (its address comes from the receipt); the chunks follow in the next block
      org.cvmj.uploader.report.ModelReport status = org.cvmj.uploader.report.ModelReport.read(n.rpc, r.model());
      for (int polls = 0; status.info().status() == ModelStatus.UPLOADING; polls++) {
        assertTrue(polls < 600, "the chunks were never mined");
        Thread.sleep(100);
        status = org.cvmj.uploader.report.ModelReport.read(n.rpc, r.model());
      }
      assertEquals(ModelStatus.READY, status.info().status());
      assertEquals(4, status.files().chunksReceived());
      assertEquals(BigInteger.valueOf(5), n.nonce(0));
    }
  }

  @Test
  void aListenerThatThrowsStopsTheUploadAndTheNextRunSendsTheRest() throws Exception {
    ModelUpload m = ModelUpload.prepare(ModelFiles.read(TestModels.dense(dir.resolve("dense"), 500, 2)),
        Optional.empty(), 0, "", true);
    int total = m.files().chunks().size();
    assertEquals(4, total);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Credentials author = DevKeys.credentials(2);
      UploadListener crash = new UploadListener() {
        @Override
        public void chunkConfirmed(Chunk chunk, int received, int total) {
          throw new IllegalStateException("interrupted after " + chunk);
        }
      };
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> new Uploader(n.rpc, author, OPTIONS.withWindow(1)).upload(m, crash));
      assertEquals("interrupted after symbol chunk 0", e.getMessage());
      assertEquals(BigInteger.valueOf(2), n.nonce(2), "window 1: the register and one chunk were sent");

      UploadResult r = new Uploader(n.rpc, author, OPTIONS).upload(m, UploadListener.NONE);
      assertTrue(r.resumed());
      assertEquals(total - 1, r.chunksSent());
      assertEquals(ModelStatus.READY, r.status());
      assertEquals(BigInteger.valueOf(1 + total), n.nonce(2));
    }
  }

  @Test
  void anotherAccountCannotContinueSomeoneElsesUploadAndRegistersItsOwn() throws Exception {
    ModelUpload m = ModelUpload.prepare(ModelFiles.read(TestModels.dense(dir.resolve("dense"), 500, 3)),
        Optional.empty(), 0, "", true);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      UploadResult byZero = new Uploader(n.rpc, DevKeys.credentials(0), OPTIONS.withMaxChunks(1))
          .upload(m, UploadListener.NONE);
      UploadResult byOne = new Uploader(n.rpc, DevKeys.credentials(1), OPTIONS).upload(m, UploadListener.NONE);
      assertFalse(byOne.resumed());
      assertNotEquals(byZero.model(), byOne.model());
      assertEquals(ModelStatus.READY, byOne.status());
      assertEquals(DevKeys.credentials(1).getAddress(), n.record(byOne.model()).author().toHex());
      assertEquals(org.cvmj.chain.models.ModelStatus.UPLOADING, n.record(byZero.model()).status());
      assertEquals(1, n.record(byZero.model()).chunksReceived(), "account 1 sent nothing to account 0's model");
    }
  }

  @Test
  void changedFilesSinceTheRegistrationMakeANewRegistration() throws Exception {
    Path modelDir = TestModels.dense(dir.resolve("dense"), 500, 4);
    ModelUpload before = ModelUpload.prepare(ModelFiles.read(modelDir), Optional.empty(), 0, "", true);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Credentials author = DevKeys.credentials(0);
      UploadResult partial = new Uploader(n.rpc, author, OPTIONS.withMaxChunks(2)).upload(before,
          UploadListener.NONE);
      TestModels.dense(modelDir, 500, 5); // the author retrained: same shape and sizes, other weights
      ModelUpload after = ModelUpload.prepare(ModelFiles.read(modelDir), Optional.empty(), 0, "", true);
      assertEquals(before.files().params().length, after.files().params().length);
      UploadResult r = new Uploader(n.rpc, author, OPTIONS).upload(after, UploadListener.NONE);
      assertFalse(r.resumed());
      assertNotEquals(partial.model(), r.model());
      assertEquals(ModelStatus.READY, r.status());
      assertEquals(after.files().chunks().size(), r.chunksSent());
      assertArrayEquals(after.files().params(), n.storedFile(r.model(), 1));
      // the abandoned registration stays as it was
      assertEquals(org.cvmj.chain.models.ModelStatus.UPLOADING, n.record(partial.model()).status());
    }
  }

  @Test
  void aModelThatFailsTheLoadChecksIsRefusedLocallyAndRejectedByTheChainWithTheSameReason() throws Exception {
    // the MNIST symbol with a dense model's params: hashes are right, the params do not fit the graph
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.copy(TestModels.mnist().resolve("symbol"), bad.resolve("symbol"));
    Files.copy(TestModels.dense(dir.resolve("dense"), 10, 6).resolve("params"), bad.resolve("params"));
    ModelFiles files = ModelFiles.read(bad);
    ModelException loadError = assertThrows(ModelException.class, () -> Model.load(
        new String(files.symbol(), java.nio.charset.StandardCharsets.UTF_8), files.params()));

    InvalidInputException local = assertThrows(InvalidInputException.class,
        () -> ModelUpload.prepare(files, Optional.of(InputShape.of(1, 28, 28)), 0, "", true));
    assertEquals("the model " + bad + " fails cvm-runtime's load checks, so the chain would reject it: "
        + loadError.getMessage(), local.getMessage());

    ModelUpload unchecked = ModelUpload.prepare(files, Optional.of(InputShape.of(1, 1, 28, 28)), 0, "", false);
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      Recorder rec = new Recorder();
      UploadResult r = new Uploader(n.rpc, DevKeys.credentials(0), OPTIONS).upload(unchecked, rec);
      assertEquals(ModelStatus.REJECTED, r.status());
      assertEquals("the model fails cvm-runtime's load checks: " + loadError.getMessage(), r.reason());
      assertEquals(n.record(r.model()).rejection(), r.reason());
      assertEquals(0, r.readyBlock());
      assertEquals("verdict rejected", rec.events.get(rec.events.size() - 1));
    }
  }

  @Test
  void argumentsTheRegistryRefusesFailBeforeAnyTransaction() throws Exception {
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Uploader(n.rpc,
          DevKeys.credentials(0), OPTIONS).upload(mnist(1_000_001, ""), UploadListener.NONE));
      assertEquals("register is refused by the chain: register: fee 1000001 gas exceeds the maximum 1000000",
          e.getMessage());
      InvalidInputException longText = assertThrows(InvalidInputException.class, () -> new Uploader(n.rpc,
          DevKeys.credentials(0), OPTIONS).upload(mnist(0, "x".repeat(257)), UploadListener.NONE));
      assertEquals("register is refused by the chain: register: description is 257 bytes; at most 256 are allowed",
          longText.getMessage());
      assertEquals(BigInteger.ZERO, n.nonce(0));
      assertEquals(0, n.registry().modelCount());
    }
  }

  @Test
  void waitsForMaturityWhenAsked() throws Exception {
    try (TestNode n = TestNode.start(dir.resolve("chain"))) {
      // automine makes blocks only for transactions: another account's transfers move the head on
      Thread miner = new Thread(() -> {
        try {
          while (n.registry().modelCount() == 0
              || n.record(new Registry(n.rpc).modelAt(1)).status() != org.cvmj.chain.models.ModelStatus.READY) {
            Thread.sleep(20);
          }
          for (int i = 0; i < ModelRules.DEV_MATURITY; i++) {
            n.rpc.web3j().ethSendRawTransaction(transfer(n, i)).send();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      miner.start();
      UploadResult r = new Uploader(n.rpc, DevKeys.credentials(0), OPTIONS.withWaitCallable(true))
          .upload(mnist(0, ""), UploadListener.NONE);
      miner.join();
      assertEquals(ModelStatus.READY, r.status());
      assertTrue(r.callable());
      assertEquals(r.readyBlock(), r.head());
    }
  }

  private static String transfer(TestNode n, int nonce) {
    org.web3j.crypto.RawTransaction tx = org.web3j.crypto.RawTransaction.createEtherTransaction(1337L,
        BigInteger.valueOf(nonce), BigInteger.valueOf(21_000), DevKeys.credentials(5).getAddress(), BigInteger.ONE,
        BigInteger.ONE, BigInteger.TEN.pow(10));
    return org.web3j.utils.Numeric.toHexString(org.web3j.crypto.TransactionEncoder.signMessage(tx, 1337L,
        DevKeys.credentials(4)));
  }

  private static List<Integer> missing(TestNode n, String model, int file) throws Exception {
    return n.registry().missingChunks(org.cvmj.chain.crypto.Address.fromHex(model),
        org.cvmj.chain.models.ModelFile.values()[file]);
  }
}
