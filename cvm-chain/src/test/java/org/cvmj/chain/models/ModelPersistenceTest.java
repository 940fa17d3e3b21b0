package org.cvmj.chain.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cvmj.chain.models.ModelChain.revertReason;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.chain.IncludedTransaction;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.sol.Abi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPersistenceTest {
  @TempDir
  Path dir;

  /** Registers, uploads, matures and calls the MNIST model; returns every block's state root. */
  private static List<Hash> scenario(ModelChain c) throws Exception {
    Address model = c.readyMnist(0, 1_234);
    IncludedTransaction t = c.send(1, SystemAddresses.INFER, 5_000_000,
        ModelChain.inferCall(model, ModelChain.mnistDigit()));
    assertTrue(t.isSuccess(), revertReason(t.result()));
    List<Hash> roots = new ArrayList<>();
    for (long n = 0; n <= c.chain.head().number(); n++) {
      roots.add(c.chain.header(n).stateRoot());
    }
    return roots;
  }

  @Test
  void stateRootsAreTheSameOnTwoIndependentChains() throws Exception {
    List<Hash> a;
    List<Hash> b;
    try (ModelChain c = new ModelChain(dir.resolve("a"))) {
      a = scenario(c);
    }
    try (ModelChain c = new ModelChain(dir.resolve("b"))) {
      b = scenario(c);
    }
    assertEquals(a, b);
    assertEquals(7, a.size()); // genesis, register, 2 chunks, 2 empty blocks to maturity, infer
    assertTrue(!a.get(6).equals(a.get(5)) && !a.get(3).equals(a.get(2)), "uploads and paid calls change the state");
  }

  @Test
  void aRestartedChainKeepsModelsAndBlobs() throws Exception {
    Address model;
    try (ModelChain c = new ModelChain(dir)) {
      model = c.registerModel(0, ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS, ModelChain.MNIST_SHAPE, 0);
      c.upload(0, model, ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS);
    }
    try (ModelChain c = new ModelChain(dir)) {
      long head = c.chain.head().number();
      ModelRecord m = c.chain.modelRegistry(head).model(model).orElseThrow();
      assertEquals(ModelStatus.READY, m.status());
      Hash h = c.chain.modelRegistry(head).chunk(model, ModelFile.SYMBOL, 0).orElseThrow();
      assertArrayEquals(ModelChain.MNIST_SYMBOL, c.chain.blob(h).orElseThrow());
      c.mine((int) ModelRules.DEV_MATURITY);
      // a new node process: the model is loaded again from the stored chunks
      IncludedTransaction t = c.send(1, SystemAddresses.INFER, 5_000_000,
          ModelChain.inferCall(model, ModelChain.mnistDigit()));
      assertTrue(t.isSuccess(), revertReason(t.result()));
      assertArrayEquals(InferPrecompileTest.runtimeOutput(ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS,
          ModelChain.mnistDigit(), ByteOrder.BIG_ENDIAN),
          (byte[]) Abi.decode(List.of("bytes"), t.result().returnData()).get(0));
    }
  }
}
