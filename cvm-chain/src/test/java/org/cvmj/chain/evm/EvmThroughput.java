package org.cvmj.chain.evm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.sol.ContractArtifact;

/**
 * Measures the interpreter's throughput on Work.sol (cvm-chain/src/main/solidity/Work.sol) without RPC, blocks
 * or transactions: each call is a depth-0 message straight into {@link Evm#call}. Prints Mgas/s for every round
 * and the median over the rounds after warm-up, by wall time and by the thread's CPU time (the latter is less
 * disturbed by other processes on a busy machine). A benchmark, not a test: run it by hand (docs/PERFORMANCE.md),
 * {@code java -cp <test classpath> org.cvmj.chain.evm.EvmThroughput [rounds] [warmup] [iterations] [function]},
 * function being hashChain, mix or both (the default).
 */
public final class EvmThroughput {
  private static final Address SENDER = Address.fromHex("a11ce00000000000000000000000000000000001");
  private static final Address WORK = Address.fromHex("00000000000000000000000000000000000c0de1");
  private static final BlockContext BLOCK = new BlockContext(Address.ofLong(0xc0), 1, 1_700_000_000L, 60_000_000L,
      Word.of(1), Word.ZERO, Word.of(1337), Word.ONE, n -> Word.ZERO);
  private static final long GAS = 50_000_000L;
  /** The calls each round makes of each function, so that a round lasts long enough to time. */
  private static final int CALLS_PER_ROUND = 5;

  private EvmThroughput() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    ContractArtifact work = ContractArtifact.load("Work");
    InMemoryWorldState state = new InMemoryWorldState()
        .withAccount(SENDER, Word.fromHex("ffffffffffffffffffff"), 0, new byte[0], Map.of())
        .withAccount(WORK, Word.ZERO, 1, work.runtimeCode(), Map.of());
    byte[] hashChain = work.encodeCall("hashChain", new byte[32], BigInteger.valueOf(iterations));
    byte[] mix = work.encodeCall("mix", BigInteger.valueOf(12345), BigInteger.valueOf(iterations));
    System.out.printf("java %s, %d cores, %d iterations per call, %d calls per round%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), iterations,
        CALLS_PER_ROUND);
    String only = args.length > 3 ? args[3] : "both";
    if (!only.equals("mix")) {
      report("hashChain", state, hashChain, rounds, warmup);
    }
    if (!only.equals("hashChain")) {
      report("mix", state, mix, rounds, warmup);
    }
  }

  private static void report(String name, WorldState state, byte[] input, int rounds, int warmup) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    byte[] expected = null;
    for (int r = -warmup; r < rounds; r++) {
      long gas = 0;
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int c = 0; c < CALLS_PER_ROUND; c++) {
        CallResult result = call(state, input);
        if (!result.isSuccess()) {
          throw new IllegalStateException(name + " failed: " + result);
        }
        if (expected == null) {
          expected = result.output();
        } else if (!Arrays.equals(expected, result.output())) {
          throw new IllegalStateException(name + " gave a different answer");
        }
        gas += GAS - result.gasLeft();
      }
      double mgasPerS = gas / ((System.nanoTime() - start) / 1e3);
      double cpuMgasPerS = gas / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e3);
      if (r >= 0) {
        rates[r] = mgasPerS;
        cpuRates[r] = cpuMgasPerS;
      }
      System.out.printf("%-9s %s round %2d: %7.2f Mgas/s (CPU time %7.2f), %d gas%n", name,
          r < 0 ? "warm-up" : "timed  ", r, mgasPerS, cpuMgasPerS, gas);
    }
    Arrays.sort(rates);
    Arrays.sort(cpuRates);
    System.out.printf("%-9s median of %d rounds: %.2f Mgas/s (CPU time %.2f), result %s%n", name, rounds,
        rates[rounds / 2], cpuRates[rounds / 2], Word.fromBytes(expected));
  }

  private static CallResult call(WorldState state, byte[] input) {
    Evm evm = new Evm(state, BLOCK, new TxContext(SENDER, Word.ONE, List.of()));
    return evm.call(new Message(CallKind.CALL, SENDER, WORK, WORK, Word.ZERO, input, GAS, 0, false));
  }
}
