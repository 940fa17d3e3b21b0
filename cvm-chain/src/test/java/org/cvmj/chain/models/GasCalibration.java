package org.cvmj.chain.models;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.BlockContext;
import org.cvmj.chain.evm.InMemoryWorldState;
import org.cvmj.chain.evm.TransactionExecutor;
import org.cvmj.chain.evm.TransactionRequest;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.sol.ContractArtifact;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Gas;
import org.cvmj.cvm.model.Model;

/**
 * Measures, on this machine, how fast the EVM burns gas on ordinary work and how long one MNIST zoo inference
 * takes as the infer precompile runs it, and prints the OPS_PER_GAS at which a millisecond of each costs the
 * same gas (docs/gas.md). A benchmark, not a test: run it by hand,
 * {@code java -cp <test classpath> org.cvmj.chain.models.GasCalibration}.
 */
public final class GasCalibration {
  private static final Address SENDER = Address.fromHex("a11ce00000000000000000000000000000000001");
  private static final BlockContext BLOCK = new BlockContext(Address.ofLong(0xc0), 1, 1_700_000_000L, 60_000_000L,
      Word.of(1), Word.ZERO, Word.of(1337), Word.ONE, n -> Word.ZERO);
  private static final int ROUNDS = 7;

  private GasCalibration() {}

  public static void main(String[] args) throws Exception {
    double tokenGasPerMs = median(GasCalibration::tokenRound);
    double loopGasPerMs = median(GasCalibration::loopRound);
    double inferMs = median(GasCalibration::inferRound);
    Model m = Model.load(new String(ModelChain.MNIST_SYMBOL, StandardCharsets.UTF_8), ModelChain.MNIST_PARAMS);
    long ops = Gas.ops(m.graph());
    double evmGasPerMs = Math.min(tokenGasPerMs, loopGasPerMs);
    double gasForInference = inferMs * evmGasPerMs;
    System.out.printf("date                         %s%n", LocalDate.now());
    System.out.printf("cores                        %d%n", Runtime.getRuntime().availableProcessors());
    System.out.printf("java                         %s%n", System.getProperty("java.version"));
    System.out.printf("EVM, ERC-20 transfers        %.0f gas/ms%n", tokenGasPerMs);
    System.out.printf("EVM, arithmetic loop         %.0f gas/ms%n", loopGasPerMs);
    System.out.printf("MNIST inference (1 thread)   %.3f ms, GetOps %d%n", inferMs, ops);
    System.out.printf("gas for the same time        %.0f (at the slower EVM rate)%n", gasForInference);
    System.out.printf("OPS_PER_GAS                  %.1f%n", ops / gasForInference);
  }

  interface Round {
    double run() throws Exception;
  }

  private static double median(Round r) throws Exception {
    double[] v = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      v[i] = r.run();
    }
    Arrays.sort(v);
    return v[ROUNDS / 2];
  }

  /** Gas per millisecond of 2,000 ERC-20 transfers (storage reads and writes, events, ABI decoding). */
  private static double tokenRound() throws Exception {
    InMemoryWorldState s = funded();
    ContractArtifact token = ContractArtifact.load("Token");
    TransactionResult deploy = send(s, null, token.deployData("Token", "TOK", BigInteger.TEN.pow(30)), 5_000_000);
    Address t = deploy.createdAddress();
    long gas = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 2_000; i++) {
      gas += send(s, t, token.encodeCall("transfer", Address.ofLong(0x1000 + i % 50), BigInteger.ONE), 200_000)
          .gasUsed();
    }
    return gas / ((System.nanoTime() - start) / 1e6);
  }

  /** Gas per millisecond of a loop of stack arithmetic, MSTORE and JUMPI (48 gas per iteration). */
  private static double loopRound() throws Exception {
    InMemoryWorldState s = funded();
    byte[] loop = {0x62, 0x07, (byte) 0xa1, 0x20, 0x5b, 0x60, 0x01, (byte) 0x90, 0x03, (byte) 0x80, (byte) 0x80,
        0x02, 0x50, (byte) 0x80, 0x60, 0x00, 0x52, (byte) 0x80, 0x60, 0x04, 0x57, 0x00};
    Address code = Address.ofLong(0xc0de);
    s.withAccount(code, Word.ZERO, 1, loop, Map.of());
    long start = System.nanoTime();
    long gas = send(s, code, new byte[0], 30_000_000).gasUsed();
    return gas / ((System.nanoTime() - start) / 1e6);
  }

  /** Milliseconds of one inference as the precompile runs it (a fresh executor, one thread), averaged over 20. */
  private static double inferRound() throws Exception {
    Model m = Model.load(new String(ModelChain.MNIST_SYMBOL, StandardCharsets.UTF_8), ModelChain.MNIST_PARAMS);
    LoadedModel loaded = new LoadedModel(m, new InferenceCodec(m.graph(), ByteOrder.BIG_ENDIAN));
    byte[] digit = ModelChain.mnistDigit();
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      loaded.run(digit);
    }
    return (System.nanoTime() - start) / 1e6 / 20;
  }

  private static InMemoryWorldState funded() {
    InMemoryWorldState s = new InMemoryWorldState();
    s.withAccount(SENDER, Word.fromBigInteger(BigInteger.TEN.pow(24)), 0, new byte[0], Map.of());
    return s;
  }

  private static TransactionResult send(InMemoryWorldState s, Address to, byte[] data, long gas) throws Exception {
    return TransactionExecutor.execute(s, BLOCK, TransactionRequest.legacy(SENDER, to, s.nonce(SENDER), Word.ZERO,
        data, gas, IntrinsicGas.of(data, to == null, List.of()), Word.ONE));
  }
}
