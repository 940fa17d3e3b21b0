package org.cvmj.chain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.sol.Abi;
import org.cvmj.chain.sol.ContractArtifact;
import org.cvmj.chain.tx.Transaction;

/**
 * Throughput of a node with automine (each transaction mined before {@code eth_sendRawTransaction} answers), from
 * one client sending one request at a time, so each rate is the inverse of the node's full request latency:
 * <ul>
 *   <li>ETH transfers per second;
 *   <li>contract calls per second ({@code Counter.increment()}, a storage write and an event);
 *   <li>EVM gas per second in transactions running {@code Work.storeHashChain} (a keccak loop) — gas used from
 *       the receipts over the wall time of the sends — and in {@code eth_call}s of the pure {@code hashChain}, whose
 *       gas is that of the same call mined once as a transaction.
 * </ul>
 * Transactions are signed before a round's clock starts, so signing is not measured. Every round is checked: its
 * transactions must have succeeded and its calls must agree, so a fast wrong answer is an error, not a number.
 */
public final class ThroughputBench {
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000b0b05");
  private static final long TRANSFER_GAS = 21_000;
  private static final long INCREMENT_GAS = 100_000;
  private static final long DEPLOY_GAS = 2_000_000;
  /** How long to wait for a receipt, as a hang guard for a node that does not automine. */
  private static final long RECEIPT_LIMIT_NANOS = 60_000_000_000L;

  /**
   * How much to run.
   *
   * @param rounds rounds of each workload (the median is reported)
   * @param transfers ETH transfers per round
   * @param contractCalls {@code Counter.increment()} transactions per round
   * @param workTransactions {@code Work.storeHashChain} transactions per round
   * @param ethCalls {@code eth_call}s of {@code Work.hashChain} per round
   * @param workIterations keccak iterations per work transaction or call
   */
  public record Settings(int rounds, int transfers, int contractCalls, int workTransactions, int ethCalls,
      int workIterations) {
    public Settings {
      if (rounds < 1 || transfers < 1 || contractCalls < 1 || workTransactions < 1 || ethCalls < 1
          || workIterations < 1) {
        throw new IllegalArgumentException("rounds and every count must be at least 1, got " + this);
      }
    }

    /** About a minute on a 2-core machine against the in-process dev node. */
    public static Settings defaults() {
      return new Settings(5, 300, 300, 5, 5, 5_000);
    }
  }

  private final LoopbackRpc rpc;
  private final BenchAccount sender;
  private final Settings settings;
  private final PrintWriter progress;

  private ThroughputBench(LoopbackRpc rpc, BenchAccount sender, Settings settings, PrintWriter progress) {
    this.rpc = rpc;
    this.sender = sender;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Runs every workload against the node at {@code url} (a loopback address) from the account of {@code key};
   * prints one line per round to {@code progress}.
   */
  public static List<Measurement> run(String url, BigInteger key, Settings settings, PrintWriter progress)
      throws BenchException {
    LoopbackRpc rpc = new LoopbackRpc(url);
    ThroughputBench bench = new ThroughputBench(rpc, BenchAccount.open(rpc, key), settings, progress);
    return bench.runAll();
  }

  private List<Measurement> runAll() throws BenchException {
    Address counter = deploy(ContractArtifact.load("Counter").deployData(BigInteger.ZERO));
    Address work = deploy(ContractArtifact.load("Work").deployData());
    List<Measurement> out = new ArrayList<>();
    out.add(transactions("ETH transfers", settings.transfers(), RECIPIENT, TRANSFER_GAS, BigInteger.ONE,
        i -> new byte[0]));
    byte[] increment = Abi.encodeCall("increment()");
    out.add(transactions("Counter.increment() calls", settings.contractCalls(), counter, INCREMENT_GAS,
        BigInteger.ZERO, i -> increment));
    out.addAll(workTransactions(work));
    out.add(ethCalls(work));
    return out;
  }

  /** Calldata of the {@code i}-th transaction of a round. */
  private interface Calldata {
    byte[] of(int i);
  }

  private Measurement transactions(String name, int count, Address to, long gas, BigInteger value, Calldata data)
      throws BenchException {
    List<Double> rates = new ArrayList<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      List<Transaction> txs = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        txs.add(sender.sign(to, gas, value, data.of(i)));
      }
      long seconds = send(txs);
      checkSucceeded(txs.get(txs.size() - 1));
      double rate = count / (seconds / 1e9);
      rates.add(rate);
      progress.printf("%s, round %d: %d in %.3f s = %.1f tx/s%n", name, round, count, seconds / 1e9, rate);
      progress.flush();
    }
    return new Measurement(name, "tx/s", rates);
  }

  private List<Measurement> workTransactions(Address work) throws BenchException {
    int iterations = settings.workIterations();
    long gas = estimate(work, storeHashChain(0, iterations)) * 6 / 5;
    List<Double> txRates = new ArrayList<>();
    List<Double> gasRates = new ArrayList<>();
    int seed = 1;
    for (int round = 1; round <= settings.rounds(); round++) {
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < settings.workTransactions(); i++) {
        txs.add(sender.sign(work, gas, BigInteger.ZERO, storeHashChain(seed++, iterations)));
      }
      long nanos = send(txs);
      long gasUsed = 0;
      for (Transaction tx : txs) {
        gasUsed += LoopbackRpc.quantity(checkSucceeded(tx).get("gasUsed")).longValueExact();
      }
      double seconds = nanos / 1e9;
      txRates.add(txs.size() / seconds);
      gasRates.add(gasUsed / seconds / 1e6);
      progress.printf("Work.storeHashChain(%d) transactions, round %d: %d in %.3f s, %d gas = %.1f Mgas/s%n",
          iterations, round, txs.size(), seconds, gasUsed, gasUsed / seconds / 1e6);
      progress.flush();
    }
    String name = "Work.storeHashChain(" + iterations + ") transactions";
    return List.of(new Measurement(name, "tx/s", txRates), new Measurement(name, "Mgas/s", gasRates));
  }

  private Measurement ethCalls(Address work) throws BenchException {
    int iterations = settings.workIterations();
    byte[] data = Abi.encodeCall("hashChain(bytes32,uint256)", seed(7), BigInteger.valueOf(iterations));
    // A pure function uses the same gas wherever it runs: mined once, its receipt tells what each call uses.
    long gas = estimate(work, data) * 6 / 5;
    Transaction probe = sender.sign(work, gas, BigInteger.ZERO, data);
    send(List.of(probe));
    long gasPerCall = LoopbackRpc.quantity(checkSucceeded(probe).get("gasUsed")).longValueExact();
    ObjectNode call = LoopbackRpc.object().put("from", sender.address().toString()).put("to", work.toString())
        .put("data", Hex.encode(data)).put("gas", "0x" + Long.toHexString(gas));
    String expected = rpc.call("eth_call", call, "latest").asText();
    List<Double> rates = new ArrayList<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      int count = settings.ethCalls();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String result = rpc.call("eth_call", call, "latest").asText();
        if (!result.equals(expected)) {
          throw new BenchException("eth_call of Work.hashChain answered " + result + ", before " + expected);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double mgas = count * gasPerCall / seconds / 1e6;
      rates.add(mgas);
      progress.printf("eth_call Work.hashChain(%d), round %d: %d calls of %d gas in %.3f s = %.1f Mgas/s%n",
          iterations, round, count, gasPerCall, seconds, mgas);
      progress.flush();
    }
    return new Measurement("eth_call Work.hashChain(" + iterations + ")", "Mgas/s", rates);
  }

  private static byte[] storeHashChain(int seed, int iterations) {
    return Abi.encodeCall("storeHashChain(bytes32,uint256)", seed(seed), BigInteger.valueOf(iterations));
  }

  private static byte[] seed(int n) {
    return Abi.encode(List.of("uint256"), BigInteger.valueOf(n));
  }

  private long estimate(Address to, byte[] data) throws BenchException {
    ObjectNode call = LoopbackRpc.object().put("from", sender.address().toString()).put("to", to.toString())
        .put("data", Hex.encode(data));
    return LoopbackRpc.quantity(rpc.call("eth_estimateGas", call)).longValueExact();
  }

  private Address deploy(byte[] initCode) throws BenchException {
    Transaction tx = sender.sign(null, DEPLOY_GAS, BigInteger.ZERO, initCode);
    send(List.of(tx));
    return Address.fromHex(checkSucceeded(tx).get("contractAddress").asText());
  }

  /** Sends {@code txs} one after another; returns the nanoseconds the sends took. */
  private long send(List<Transaction> txs) throws BenchException {
    List<String> raw = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      raw.add(BenchAccount.raw(tx));
    }
    long start = System.nanoTime();
    for (String r : raw) {
      rpc.call("eth_sendRawTransaction", r);
    }
    return System.nanoTime() - start;
  }

  /** The receipt of {@code tx}, which must have succeeded. */
  private JsonNode checkSucceeded(Transaction tx) throws BenchException {
    String hash = tx.hash().toString();
    long deadline = System.nanoTime() + RECEIPT_LIMIT_NANOS;
    JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
    while (receipt == null || receipt.isNull()) {
      if (System.nanoTime() > deadline) {
        throw new BenchException("no receipt for " + hash + " after 60 s; the benchmark needs a node that mines"
            + " each transaction (automine)");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchException("interrupted while waiting for " + hash);
      }
      receipt = rpc.call("eth_getTransactionReceipt", hash);
    }
    if (!"0x1".equals(receipt.path("status").asText())) {
      throw new BenchException("transaction " + hash + " failed (status " + receipt.path("status").asText()
          + ", gas used " + receipt.path("gasUsed").asText() + ")");
    }
    return receipt;
  }
}
