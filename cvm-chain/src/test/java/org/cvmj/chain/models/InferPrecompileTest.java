package org.cvmj.chain.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cvmj.chain.models.ModelChain.account;
import static org.cvmj.chain.models.ModelChain.inferCall;
import static org.cvmj.chain.models.ModelChain.logs;
import static org.cvmj.chain.models.ModelChain.revertReason;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.chain.IncludedTransaction;
import org.cvmj.chain.chain.ProducedBlock;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.sol.Abi;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferPrecompileTest {
  private static final long FEE = 10_000;
  private static final long MNIST_OPS = 34_335_395L;

  @TempDir
  Path dir;

  /** What {@code cvm run} prints for the model on this input, as bytes (int8 output: byte order is moot). */
  static byte[] runtimeOutput(byte[] symbol, byte[] params, byte[] input, ByteOrder order) throws Exception {
    Model m = Model.load(new String(symbol, StandardCharsets.UTF_8), params);
    InferenceCodec codec = new InferenceCodec(m.graph(), order);
    try (Executor ex = new Executor(m, 1)) {
      return codec.encodeOutput(ex.run(codec.decodeInput(input)));
    }
  }

  static byte[] output(IncludedTransaction t) {
    return (byte[]) Abi.decode(List.of("bytes"), t.result().returnData()).get(0);
  }

  @Test
  void inferBeforeMaturityRevertsThenMatchesTheRuntimeAndPaysTheAuthor() throws Exception {
    byte[] digit = ModelChain.mnistDigit();
    byte[] expected = runtimeOutput(ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS, digit,
        ByteOrder.LITTLE_ENDIAN);
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.registerModel(0, ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS, ModelChain.MNIST_SHAPE,
          FEE);
      c.upload(0, model, ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS);
      long verified = c.chain.head().number();

      IncludedTransaction early = c.send(1, SystemAddresses.INFER, 5_000_000, inferCall(model, digit));
      assertFalse(early.isSuccess());
      assertEquals("infer: model " + model + " is not mature: callable from block "
          + (verified + ModelRules.DEV_MATURITY) + ", this is block " + (verified + 1), revertReason(early.result()));
      assertTrue(early.gasUsed() < 100_000, "a revert must not burn the gas, used " + early.gasUsed());
      c.mine((int) ModelRules.DEV_MATURITY - 1);

      long before = c.chain.head().number();
      BigInteger author0 = c.chain.balance(account(0), before);
      BigInteger caller0 = c.chain.balance(account(1), before);
      BigInteger coinbase0 = c.chain.balance(Chain.DEV_COINBASE, before);
      Transaction tx = c.tx(1, SystemAddresses.INFER, 5_000_000, inferCall(model, digit));
      ProducedBlock b = c.block(tx);
      IncludedTransaction t = b.included().get(0);
      assertTrue(t.isSuccess(), revertReason(t.result()));
      assertArrayEquals(expected, output(t));
      assertEquals(10, output(t).length);
      assertEquals(890_766, ModelGas.infer(MNIST_OPS, FEE, 784, 10)); // the worked example of docs/gas.md
      assertEquals(IntrinsicGas.of(tx) + ModelGas.infer(MNIST_OPS, FEE, 784, 10), t.gasUsed());

      BlockHeader h = b.block().header();
      BigInteger price = tx.effectiveGasPrice(h.baseFeePerGas());
      BigInteger paid = BigInteger.valueOf(FEE).multiply(price);
      List<Log> called = logs(t.result(), RegistryEvents.CALLED);
      assertEquals(1, called.size());
      assertEquals(List.of(Word.fromAddress(model), Word.fromAddress(account(1)), Word.fromAddress(account(0))),
          called.get(0).topics().subList(1, 4));
      assertEquals(List.of(BigInteger.valueOf(FEE), paid),
          Abi.decode(List.of("uint64", "uint256"), called.get(0).data()));
      assertEquals(SystemAddresses.REGISTRY, called.get(0).address());

      long now = h.number();
      BigInteger gasUsed = BigInteger.valueOf(t.gasUsed());
      BigInteger authorDelta = c.chain.balance(account(0), now).subtract(author0);
      BigInteger callerDelta = c.chain.balance(account(1), now).subtract(caller0);
      BigInteger coinbaseDelta = c.chain.balance(Chain.DEV_COINBASE, now).subtract(coinbase0);
      BigInteger rest = gasUsed.subtract(BigInteger.valueOf(FEE));
      assertEquals(paid, authorDelta);
      assertEquals(gasUsed.multiply(price).negate(), callerDelta);
      assertEquals(rest.multiply(price.subtract(h.baseFeePerGas())), coinbaseDelta);
      BigInteger burnt = rest.multiply(h.baseFeePerGas());
      assertEquals(BigInteger.ZERO, authorDelta.add(callerDelta).add(coinbaseDelta).add(burnt), "supply conserved");

      // two more paid calls in one block, and one that runs out of gas (not counted, not paid)
      Transaction t2 = c.tx(1, SystemAddresses.INFER, 5_000_000, inferCall(model, digit));
      Transaction t3 = c.tx(2, SystemAddresses.INFER, 5_000_000, inferCall(model, digit));
      long tooLittle = IntrinsicGas.of(t3) + ModelGas.infer(MNIST_OPS, FEE, 784, 10) - 1;
      Transaction t4 = c.tx(3, SystemAddresses.INFER, tooLittle, inferCall(model, digit));
      ProducedBlock b2 = c.block(t2, t3, t4);
      assertTrue(b2.included().get(0).isSuccess());
      assertTrue(b2.included().get(1).isSuccess());
      assertFalse(b2.included().get(2).isSuccess());
      assertEquals(tooLittle, b2.included().get(2).gasUsed());
      BigInteger price2 = t2.effectiveGasPrice(b2.block().header().baseFeePerGas());
      BigInteger earned = paid.add(BigInteger.valueOf(2 * FEE).multiply(price2));
      ModelRecord m = c.chain.modelRegistry(c.chain.head().number()).model(model).orElseThrow();
      assertEquals(3, m.calls());
      assertEquals(earned, m.earned().toBigInteger());
      assertEquals(earned, c.chain.modelRegistry(c.chain.head().number()).authorEarned(account(0)).toBigInteger());
      assertEquals(earned, c.chain.balance(account(0), c.chain.head().number()).subtract(author0));
      List<Object> info = Abi.decode(List.of("address", "uint8", "uint64", "uint64", "uint64", "uint64", "uint256"),
          c.call(5, SystemAddresses.REGISTRY, Abi.encodeCall("modelInfo(address)", model)).returnData());
      assertEquals(List.of(account(0), BigInteger.TWO, BigInteger.valueOf(FEE), BigInteger.valueOf(MNIST_OPS),
          BigInteger.valueOf(verified + ModelRules.DEV_MATURITY), BigInteger.valueOf(3), earned), info);
      assertEquals(earned, Abi.decode(List.of("uint256"), c.call(5, SystemAddresses.REGISTRY,
          Abi.encodeCall("authorEarned(address)", account(0))).returnData()).get(0));
    }
  }

  @Test
  void semanticFailuresRevertWithReasonsAndReturnTheGas() throws Exception {
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.readyMnist(0, 0);
      Address nobody = Address.ofLong(0xdead);
      Object[][] cases = {
          {inferCall(model, new byte[783]), "infer: model " + model + " takes 784 input bytes ([1, 1, 28, 28], int8),"
              + " got 783"},
          {inferCall(nobody, new byte[784]), "infer: no model is registered at " + nobody},
          {Abi.encodeCall("infer(address)", model), "infer: call data must be infer(address,bytes)"},
          {Abi.selector("infer(address,bytes)"), "infer: malformed call data: model is missing (the call data has 0"
              + " bytes after the selector)"},
      };
      for (Object[] k : cases) {
        IncludedTransaction t = c.send(1, SystemAddresses.INFER, 3_000_000, (byte[]) k[0]);
        assertFalse(t.isSuccess());
        assertEquals(k[1], revertReason(t.result()));
        assertTrue(t.gasUsed() < 100_000, "used " + t.gasUsed());
      }
      Address uploading = c.registerModel(2, ModelChain.MNIST_SYMBOL, ModelChain.MNIST_PARAMS,
          ModelChain.MNIST_SHAPE, 0);
      assertEquals("infer: model " + uploading + " is still uploading (0 of 2 chunks received)",
          revertReason(c.call(1, SystemAddresses.INFER, inferCall(uploading, new byte[784]))));
    }
  }

  @Test
  void int32InputAndOutputTravelBigEndian() throws Exception {
    TinyModels.Files f = TinyModels.relu32();
    try (ModelChain c = new ModelChain(dir)) {
      Address model = c.registerModel(0, f.symbol(), f.params(), TinyModels.RELU32_SHAPE, 0);
      c.upload(0, model, f.symbol(), f.params());
      c.mine((int) ModelRules.DEV_MATURITY);
      int[] x = {-5, 3, 1000, -1, 0, 7};
      ByteBuffer in = ByteBuffer.allocate(24);
      for (int v : x) {
        in.putInt(v);
      }
      IncludedTransaction t = c.send(1, SystemAddresses.INFER, 1_000_000, inferCall(model, in.array()));
      assertTrue(t.isSuccess(), revertReason(t.result()));
      ByteBuffer out = ByteBuffer.wrap(output(t));
      int[] y = new int[6];
      for (int i = 0; i < 6; i++) {
        y[i] = out.getInt();
      }
      assertArrayEquals(new int[] {0, 1, 1003, 0, 5, 1}, y); // relu(x + {1,-2,3,-4,5,-6})
      assertArrayEquals(runtimeOutput(f.symbol(), f.params(), in.array(), ByteOrder.BIG_ENDIAN), output(t));
      assertEquals(1, c.chain.modelRegistry(c.chain.head().number()).model(model).orElseThrow().calls());
    }
  }
}
