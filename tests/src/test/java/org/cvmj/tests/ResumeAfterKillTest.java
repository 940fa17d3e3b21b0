package org.cvmj.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvmj.uploader.bench.SyntheticModel;
import org.cvmj.uploader.chain.Registry;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.contracts.IModelRegistry;
import org.cvmj.uploader.wallet.DevKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@code kill -9} of {@code bin/upload} in the middle of a many-chunk upload, and the same command run again: it
 * must continue the same model, send exactly the chunks the chain lacks, and end ready with every chunk as the file
 * holds it. Then {@code kill -9} of the node itself: restarted on its data directory, the model is still there,
 * ready and callable, and answers as {@code bin/cvm run} does.
 */
class ResumeAfterKillTest {
  /** A dense layer this wide has params of about 40 chunks (2.6 MB). */
  private static final int UNITS = 8_600;
  private static final int CHUNK = 65_536;
  /** Chunks confirmed before the kill: the upload is well under way, far from done. */
  private static final int CONFIRMED_BEFORE_KILL = 4;
  /** A hang guard for the waits below, not a measurement. */
  private static final long LIMIT_MILLIS = 180_000;

  @TempDir
  Path dir;

  @Test
  void anUploadKilledMidwayIsResumedWithOnlyTheMissingChunksAndSurvivesANodeKill() throws Exception {
    Repo.assumeLaunchersBuilt();
    Path modelDir = SyntheticModel.dense(dir.resolve("dense"), UNITS, 40);
    byte[] symbol = Files.readAllBytes(modelDir.resolve("symbol"));
    byte[] params = Files.readAllBytes(modelDir.resolve("params"));
    int total = chunks(symbol) + chunks(params);
    assertTrue(total >= 40, "the model needs many chunks, it has " + total);
    String author = DevKeys.credentials(0).getAddress();
    Path chain = dir.resolve("chain");

    Map<String, Object> before;
    String model;
    try (NodeProcess node = NodeProcess.start(dir, chain, 1); Client client = new Client(node.url())) {
      // a window of 4 keeps the upload to several one-second blocks, so that there is time to kill it
      String[] args = {"--model", modelDir.toString(), "--shape", "1," + SyntheticModel.FEATURES, "--dev-account", "0",
          "--window", "4", "--rpc", node.url()};
      int confirmed;
      try (Launcher.Running first = Launcher.start(dir, "first", "upload", args)) {
        confirmed = awaitConfirmedChunks(first, CONFIRMED_BEFORE_KILL);
        assertEquals(137, first.kill(), "SIGKILL");
      }
      String firstErr = Files.readString(dir.resolve("first.err"));
      String registered = "upload: registered model ";
      int at = firstErr.indexOf(registered);
      assertTrue(at >= 0, firstErr);
      model = firstErr.substring(at + registered.length(), at + registered.length() + 42);

      // chunk transactions the killed run left in the pool are still mined; wait for them, then see what is missing
      awaitEmptyPool(client, author);
      Map<String, Object> progress = client.object("cvm_getUploadProgress", model);
      assertEquals("uploading", progress.get("status"));
      int received = quantity(progress.get("chunksReceived"));
      assertEquals(total, quantity(progress.get("chunksTotal")));
      int missing = total - received;
      assertTrue(received >= confirmed && missing > 0, received + " of " + total + " received after the kill");
      assertEquals(received, progressEvents(client, model).size(), "one UploadProgress event per chunk so far");

      Outcome second = Launcher.run(dir, "upload", args);
      assertEquals(0, second.code(), second.describe());
      assertEquals(model, second.value("model"));
      assertTrue(second.err().contains("upload: resuming model " + model + ": " + received + " of " + total
          + " chunks already on chain\n"), second.err());
      assertEquals(total + " of " + total + " on chain, " + missing + " sent in this run (resumed an earlier"
          + " registration)", second.value("chunks"));
      assertTrue(second.value("status").startsWith("ready, callable from block "), second.describe());

      // every chunk arrived exactly once, and each is the file's bytes
      List<IModelRegistry.UploadProgressEventResponse> events = progressEvents(client, model);
      Set<String> distinct = new HashSet<>();
      for (IModelRegistry.UploadProgressEventResponse e : events) {
        distinct.add(e.file + "/" + e.index);
      }
      assertEquals(total, events.size(), "UploadProgress events");
      assertEquals(total, distinct.size(), "distinct chunks among them");
      before = client.object("cvm_getModel", model);
      assertChunksAreTheFiles(node.url(), model, symbol, params);
      assertEquals(137, node.kill(), "SIGKILL of the node");
    }

    try (NodeProcess node = NodeProcess.start(dir, chain, 1); Client client = new Client(node.url())) {
      Map<String, Object> after = client.object("cvm_getModel", model);
      assertEquals(without(before, "callable"), without(after, "callable"), "the model after the restart");
      assertChunksAreTheFiles(node.url(), model, symbol, params);
      client.mineTo(quantity(after.get("readyBlock")));

      // callable, with cvm run's output: int32 elements, little-endian in the file and big-endian on chain
      byte[] input = new byte[SyntheticModel.FEATURES];
      for (int i = 0; i < input.length; i++) {
        input[i] = (byte) (i % 13 - 6);
      }
      Path in = Files.write(dir.resolve("in.bin"), input);
      Path out = dir.resolve("out.bin");
      Outcome run = Launcher.run(dir, "cvm", "run", "--model", modelDir.toString(), "--input", in.toString(),
          "--output", out.toString());
      assertEquals(0, run.code(), run.describe());
      assertEquals("0x4", after.get("outputElementSize"));
      byte[] expected = InferAbi.chainOrder(Files.readAllBytes(out), 4);
      assertEquals(UNITS * 4, expected.length);
      byte[] viaCall = InferAbi.decode(client.call(author, InferAbi.PRECOMPILE, InferAbi.encode(model, input))
          .getValue());
      assertArrayEquals(expected, viaCall, "eth_call after the restart");
      assertEquals(InferAbi.hex(expected), client.object("cvm_infer", model, InferAbi.hex(input)).get("output"));
    }
  }

  /** Waits until {@code upload} has reported {@code n} confirmed chunks on stderr; returns how many it reported. */
  private static int awaitConfirmedChunks(Launcher.Running upload, int n) throws Exception {
    long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
    while (true) {
      String err = upload.err();
      int lines = (int) err.lines().filter(l -> l.endsWith(" chunks on chain")).count();
      if (lines >= n) {
        return lines;
      }
      if (!upload.process.isAlive()) {
        throw new AssertionError("the upload ended (exit " + upload.process.exitValue() + ") before it could be"
            + " killed; stderr:\n" + err);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no " + n + " confirmed chunks in " + LIMIT_MILLIS + " ms; stderr:\n" + err);
      }
      Thread.sleep(20);
    }
  }

  /** Waits until no transaction of {@code account} is pending. */
  private static void awaitEmptyPool(Client client, String account) throws Exception {
    long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
    while (!client.nonce(account, DefaultBlockParameterName.PENDING)
        .equals(client.nonce(account, DefaultBlockParameterName.LATEST))) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("transactions of " + account + " still pending after " + LIMIT_MILLIS + " ms");
      }
      Thread.sleep(100);
    }
  }

  /** The registry's UploadProgress events for {@code model}, from the logs of the whole chain. */
  private static List<IModelRegistry.UploadProgressEventResponse> progressEvents(Client client, String model)
      throws Exception {
    EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST,
        DefaultBlockParameterName.LATEST, InferAbi.REGISTRY);
    filter.addSingleTopic(EventEncoder.encode(IModelRegistry.UPLOADPROGRESS_EVENT));
    filter.addSingleTopic("0x" + TypeEncoder.encode(new org.web3j.abi.datatypes.Address(model)));
    EthLog logs = client.web3j().ethGetLogs(filter).send();
    if (logs.hasError()) {
      throw new AssertionError("eth_getLogs: " + logs.getError().getMessage());
    }
    return logs.getLogs().stream().map(l -> IModelRegistry.getUploadProgressEventFromLog((Log) l.get())).toList();
  }

  /** The registry's hash of every chunk is keccak256 of that slice of the file. */
  private static void assertChunksAreTheFiles(String url, String model, byte[] symbol, byte[] params)
      throws Exception {
    try (Rpc rpc = Rpc.connect(url)) {
      IModelRegistry registry = new Registry(rpc).contract();
      byte[][] files = {symbol, params};
      for (int file = 0; file < 2; file++) {
        byte[] bytes = files[file];
        for (int i = 0; i < chunks(bytes); i++) {
          byte[] slice = Arrays.copyOfRange(bytes, i * CHUNK, Math.min(bytes.length, (i + 1) * CHUNK));
          byte[] onChain = registry.chunkHash(model, BigInteger.valueOf(file), BigInteger.valueOf(i)).send();
          assertArrayEquals(Hash.sha3(slice), onChain, "chunk " + i + " of file " + file);
        }
      }
    }
  }

  private static int chunks(byte[] file) {
    return (file.length + CHUNK - 1) / CHUNK;
  }

  private static int quantity(Object hex) {
    return new BigInteger(((String) hex).substring(2), 16).intValueExact();
  }

  private static Map<String, Object> without(Map<String, Object> m, String key) {
    Map<String, Object> copy = new HashMap<>(m);
    copy.remove(key);
    return copy;
  }
}
