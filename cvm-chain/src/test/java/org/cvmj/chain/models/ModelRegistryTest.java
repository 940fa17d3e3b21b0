package org.cvmj.chain.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cvmj.chain.models.ModelChain.chunk;
import static org.cvmj.chain.models.ModelChain.logs;
import static org.cvmj.chain.models.ModelChain.register;
import static org.cvmj.chain.models.ModelChain.revertReason;
import static org.cvmj.chain.models.ModelChain.uploadChunk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cvmj.chain.chain.IncludedTransaction;
import org.cvmj.chain.chain.ProducedBlock;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.sol.Abi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final List<Long> SHAPE = List.of(1L, 1L, 28L, 28L);

  @TempDir
  Path dir;

  @Test
  void registerAndUploadInRandomOrderVerifiesTheModel() throws Exception {
    TinyModels.Files f = TinyModels.dense();
    byte[] symbol = f.symbol();
    byte[] params = f.params();
    int total = ModelLimits.chunks(symbol.length) + ModelLimits.chunks(params.length);
    assertTrue(total >= 3, "the test needs several chunks, has " + total);
    try (ModelChain c = new ModelChain(dir)) {
      IncludedTransaction reg = c.send(0, SystemAddresses.REGISTRY, 2_000_000,
          register(symbol, params, TinyModels.DENSE_SHAPE, 5_000, "dense 300 -> 250"));
      assertTrue(reg.isSuccess(), revertReason(reg.result()));
      Address model = (Address) Abi.decode(List.of("address"), reg.result().returnData()).get(0);
      assertEquals(SystemAddresses.model(1), model);
      assertEquals(1, logs(reg.result(), RegistryEvents.REGISTERED).size());

      ModelRecord m = c.chain.modelRegistry(c.chain.head().number()).model(model).orElseThrow();
      assertEquals(ModelChain.account(0), m.author());
      assertEquals(ModelStatus.UPLOADING, m.status());
      assertEquals(Keccak256.hash(symbol), m.symbolHash());
      assertEquals(Keccak256.hash(params), m.paramsHash());
      assertEquals(TinyModels.DENSE_SHAPE, m.inputShape());
      assertEquals(5_000, m.fee());
      assertEquals("dense 300 -> 250", m.description());
      assertEquals(total, m.chunksTotal());

      List<int[]> order = new ArrayList<>(ModelChain.chunks(symbol, params));
      Collections.shuffle(order, new Random(7));
      int sent = 0;
      TransactionResult last = null;
      for (int[] k : order) {
        byte[] file = k[0] == 0 ? symbol : params;
        IncludedTransaction t = c.send(0, SystemAddresses.REGISTRY, 5_000_000,
            uploadChunk(model, ModelFile.ofId(k[0]), k[1], chunk(file, k[1])));
        assertTrue(t.isSuccess(), revertReason(t.result()));
        sent++;
        assertEquals(total - sent,
            ((Number) Abi.decode(List.of("uint32"), t.result().returnData()).get(0)).intValue());
        assertEquals(1, logs(t.result(), RegistryEvents.UPLOAD_PROGRESS).size());
        if (sent == 1) {
          // the same chunk again: accepted, nothing changes, no event
          IncludedTransaction again = c.send(0, SystemAddresses.REGISTRY, 5_000_000,
              uploadChunk(model, ModelFile.ofId(k[0]), k[1], chunk(file, k[1])));
          assertTrue(again.isSuccess(), revertReason(again.result()));
          assertEquals(List.of(), again.result().logs());
          ModelRegistryView view = c.chain.modelRegistry(c.chain.head().number());
          assertEquals(1, view.model(model).orElseThrow().chunksReceived());
          assertEquals(total - 1, view.missingChunks(model, ModelFile.SYMBOL).size()
              + view.missingChunks(model, ModelFile.PARAMS).size());
        }
        if (sent < total) {
          assertEquals(ModelStatus.UPLOADING,
              c.chain.modelRegistry(c.chain.head().number()).model(model).orElseThrow().status());
        }
        last = t.result();
      }
      long verifiedIn = c.chain.head().number();
      assertEquals(1, logs(last, RegistryEvents.READY).size());
      ModelRecord ready = c.chain.modelRegistry(verifiedIn).model(model).orElseThrow();
      assertEquals(ModelStatus.READY, ready.status());
      org.cvmj.cvm.model.Model loaded = org.cvmj.cvm.model.Model.load(
          new String(symbol, java.nio.charset.StandardCharsets.UTF_8), params);
      assertEquals(org.cvmj.cvm.model.Gas.ops(loaded.graph()), ready.ops());
      assertEquals(verifiedIn + ModelRules.DEV_MATURITY, ready.readyBlock());
      assertEquals(new ModelRecord.ModelIo(1, 300, 4, 1000), ready.io());
      assertEquals(List.of(), c.chain.modelRegistry(verifiedIn).missingChunks(model, ModelFile.PARAMS));
      for (int i = 0; i < ModelLimits.chunks(params.length); i++) {
        Hash h = c.chain.modelRegistry(verifiedIn).chunk(model, ModelFile.PARAMS, i).orElseThrow();
        assertArrayEquals(chunk(params, i), c.chain.blob(h).orElseThrow());
      }

      IncludedTransaction after = c.send(0, SystemAddresses.REGISTRY, 5_000_000,
          uploadChunk(model, ModelFile.SYMBOL, 0, chunk(symbol, 0)));
      assertFalse(after.isSuccess());
      assertEquals("uploadChunk: model " + model + " is READY; its upload is complete", revertReason(after.result()));
    }
  }

  @Test
  void onlyTheAuthorUploadsAndReceivedChunksCannotBeReplaced() throws Exception {
    TinyModels.Files f = TinyModels.dense();
    byte[] symbol = f.symbol();
    byte[] params = f.params();
    int lastParams = ModelLimits.chunks(params.length) - 1;
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.registerModel(0, symbol, params, TinyModels.DENSE_SHAPE, 0);
      IncludedTransaction other = c.send(1, SystemAddresses.REGISTRY, 5_000_000,
          uploadChunk(model, ModelFile.SYMBOL, 0, chunk(symbol, 0)));
      assertFalse(other.isSuccess());
      assertEquals("uploadChunk: only the author " + ModelChain.account(0) + " may upload model " + model,
          revertReason(other.result()));
      assertTrue(other.gasUsed() < 5_000_000, "a revert returns the gas");

      assertTrue(c.send(0, SystemAddresses.REGISTRY, 5_000_000,
          uploadChunk(model, ModelFile.PARAMS, 1, chunk(params, 1))).isSuccess());
      byte[] altered = chunk(params, 1);
      altered[0] ^= 1;
      IncludedTransaction replace = c.send(0, SystemAddresses.REGISTRY, 5_000_000,
          uploadChunk(model, ModelFile.PARAMS, 1, altered));
      assertFalse(replace.isSuccess());
      assertTrue(revertReason(replace.result()).startsWith("uploadChunk: chunk 1 of the params was already received"),
          revertReason(replace.result()));

      String[][] cases = {
          {"2", "0", "64", "uploadChunk: file must be 0 (symbol) or 1 (params), got 2"},
          {"1", "" + (lastParams + 1), "64", "uploadChunk: the params has chunks 0.." + lastParams + ", not "
              + (lastParams + 1)},
          {"1", "0", "64", "uploadChunk: chunk 0 of the params must be 65536 bytes, got 64"},
      };
      for (String[] k : cases) {
        byte[] data = Abi.encodeCall(UploadChunkFunction.SIGNATURE, model, Integer.parseInt(k[0]),
            Integer.parseInt(k[1]), new byte[Integer.parseInt(k[2])]);
        IncludedTransaction t = c.send(0, SystemAddresses.REGISTRY, 5_000_000, data);
        assertEquals(k[3], revertReason(t.result()));
      }
      IncludedTransaction unknown = c.send(0, SystemAddresses.REGISTRY, 5_000_000,
          uploadChunk(Address.ofLong(0x1234), ModelFile.SYMBOL, 0, new byte[10]));
      assertEquals("uploadChunk: no model is registered at " + Address.ofLong(0x1234),
          revertReason(unknown.result()));
    }
  }

  @Test
  void registerWithBadArgumentsRevertsWithReasons() throws Exception {
    Hash h = Keccak256.hash(new byte[] {1});
    Object[][] cases = {
        {register(Hash.ZERO, 10, h, 10, SHAPE, 0, ""),
            "register: symbolHash and paramsHash must be the keccak256 of the files, not zero"},
        {register(h, 0, h, 10, SHAPE, 0, ""), "register: symbolSize 0 is outside 1..4194304 bytes"},
        {register(h, 10, h, ModelLimits.MAX_PARAMS_BYTES + 1, SHAPE, 0, ""),
            "register: paramsSize 33554433 is outside 1..33554432 bytes"},
        {register(h, 10, h, 10, List.of(), 0, ""), "register: inputShape has rank 0; it must be 1..6"},
        {register(h, 10, h, 10, List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L), 0, ""),
            "register: inputShape has rank 7; it must be 1..6"},
        {register(h, 10, h, 10, List.of(1L, 0L), 0, ""), "register: inputShape[1] = 0 is outside 1..16777216"},
        {register(h, 10, h, 10, List.of(1024L, 1024L), 0, ""),
            "register: inputShape [1024, 1024] has more than 65536 elements (an input travels in call data)"},
        {register(h, 10, h, 10, SHAPE, 1_000_001, ""), "register: fee 1000001 gas exceeds the maximum 1000000"},
        {register(h, 10, h, 10, SHAPE, 0, "x".repeat(257)),
            "register: description is 257 bytes; at most 256 are allowed"},
        {CallData.selector(RegisterFunction.SIGNATURE), "register: malformed call data: symbolHash is missing (the call"
            + " data has 0 bytes after the selector)"},
        {new byte[] {1, 2, 3, 4}, "model registry: unknown function selector 0x01020304"},
    };
    try (ModelChain c = new ModelChain(dir)) {
      List<org.cvmj.chain.tx.Transaction> txs = new ArrayList<>();
      for (int i = 0; i < cases.length; i++) {
        txs.add(c.tx(i % 5, SystemAddresses.REGISTRY, 1_000_000, (byte[]) cases[i][0]));
        if (i % 5 == 4 || i == cases.length - 1) {
          ProducedBlock b = c.block(txs.toArray(new org.cvmj.chain.tx.Transaction[0]));
          for (int k = 0; k < b.included().size(); k++) {
            IncludedTransaction t = b.included().get(k);
            assertFalse(t.isSuccess());
            assertEquals(cases[i - b.included().size() + 1 + k][1], revertReason(t.result()));
            assertTrue(t.gasUsed() < 100_000, "gas used " + t.gasUsed() + ": a revert must not burn the gas");
          }
          txs.clear();
        }
      }
      assertEquals(0, c.chain.modelRegistry(c.chain.head().number()).modelCount());
      TransactionResult withValue = c.chain.call(new org.cvmj.chain.tx.CallRequest(ModelChain.account(0),
          SystemAddresses.REGISTRY, null, null, null, null, java.math.BigInteger.ONE,
          register(new byte[] {1}, new byte[] {2}, SHAPE, 0, ""), null, null, null), c.chain.head().number());
      assertEquals("model registry: functions are not payable; send no value", revertReason(withValue));
    }
  }

  @Test
  void corruptedChunkRejectsTheModelWithTheReason() throws Exception {
    TinyModels.Files f = TinyModels.relu32();
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.registerModel(0, f.symbol(), f.params(), TinyModels.RELU32_SHAPE, 0);
      byte[] bad = f.params().clone();
      bad[bad.length - 1] ^= 0x55;
      c.upload(0, model, f.symbol(), bad);
      ModelRecord m = c.chain.modelRegistry(c.chain.head().number()).model(model).orElseThrow();
      assertEquals(ModelStatus.REJECTED, m.status());
      assertEquals("params hash mismatch: the uploaded params hash to " + Keccak256.hash(bad) + " but "
          + Keccak256.hash(f.params()) + " was registered", m.rejection());
      TransactionResult view = c.call(0, SystemAddresses.REGISTRY, Abi.encodeCall("rejection(address)", model));
      assertEquals(m.rejection(), Abi.decode(List.of("string"), view.returnData()).get(0));
      TransactionResult info = c.call(0, SystemAddresses.REGISTRY, Abi.encodeCall("modelInfo(address)", model));
      assertEquals(java.math.BigInteger.valueOf(3), Abi.decode(List.of("address", "uint8"), info.returnData()).get(1));

      IncludedTransaction t = c.send(1, SystemAddresses.INFER, 1_000_000,
          ModelChain.inferCall(model, new byte[24]));
      assertEquals("infer: model " + model + " was rejected: " + m.rejection(), revertReason(t.result()));
      assertTrue(t.gasUsed() < 100_000);
    }
  }

  @Test
  void modelFailingTheLoadChecksIsRejected() throws Exception {
    TinyModels.Files f = TinyModels.relu32();
    byte[] params = "these are not CVM params".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.registerModel(0, f.symbol(), params, TinyModels.RELU32_SHAPE, 0);
      c.upload(0, model, f.symbol(), params);
      ModelRecord m = c.chain.modelRegistry(c.chain.head().number()).model(model).orElseThrow();
      assertEquals(ModelStatus.REJECTED, m.status());
      assertTrue(m.rejection().startsWith("the model fails cvm-runtime's load checks: "), m.rejection());

      Address wrongShape = c.registerModel(0, f.symbol(), f.params(), List.of(3L, 2L), 0);
      c.upload(0, wrongShape, f.symbol(), f.params());
      assertEquals("input shape mismatch: the model's input is [2, 3] but [3, 2] was registered",
          c.chain.modelRegistry(c.chain.head().number()).model(wrongShape).orElseThrow().rejection());
    }
  }
}
