package org.cvmj.chain.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.node.LocalNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cvm-chain bench}: runs {@link ThroughputBench} against a fresh in-process dev node (a temporary data
 * directory, removed afterwards) or against the node at {@code --rpc} on this machine, and prints a table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure a node's JSON-RPC throughput: signed ETH transfers and contract calls per second, and"
        + " EVM Mgas/s in transactions and in eth_call. One client, one request at a time, automine.",
        "Without --rpc it starts a dev node in this process on 127.0.0.1 (fresh temporary chain)."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--rpc", paramLabel = "URL",
      description = "JSON-RPC URL of a running node with automine, on a loopback address (default: an in-process"
          + " dev node)")
  String rpc;

  @Option(names = "--key", paramLabel = "HEX", description = "private key of a funded account on that node"
      + " (default: dev account #0, funded on cvm-chain dev chains)")
  String key;

  @Option(names = "--rounds", defaultValue = "5", description = "rounds per workload; the median is reported"
      + " (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--transfers", defaultValue = "300", description = "ETH transfers per round"
      + " (default ${DEFAULT-VALUE})")
  int transfers;

  @Option(names = "--contract-calls", defaultValue = "300", description = "Counter.increment() transactions per"
      + " round (default ${DEFAULT-VALUE})")
  int contractCalls;

  @Option(names = "--work-txs", defaultValue = "5", description = "Work.storeHashChain transactions per round"
      + " (default ${DEFAULT-VALUE})")
  int workTransactions;

  @Option(names = "--eth-calls", defaultValue = "5", description = "eth_calls of Work.hashChain per round"
      + " (default ${DEFAULT-VALUE})")
  int ethCalls;

  @Option(names = "--work-iterations", defaultValue = "5000", description = "keccak iterations per work"
      + " transaction or call (default ${DEFAULT-VALUE})")
  int workIterations;

  @Spec
  CommandSpec spec;

  /** Exit status of a benchmark that could not run (the node refused or failed, bad input): the CLI's 2. */
  static final int ERROR = 2;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (BenchException | IOException e) {
      // The node's or the option's problem, said plainly rather than as an internal error.
      PrintWriter err = spec.commandLine().getErr();
      err.println("cvm-chain bench: " + e.getMessage());
      err.flush();
      return ERROR;
    }
  }

  private int run() throws BenchException, IOException {
    ThroughputBench.Settings settings;
    try {
      settings = new ThroughputBench.Settings(rounds, transfers, contractCalls, workTransactions, ethCalls,
          workIterations);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rounds and every count must be at least 1");
    }
    BigInteger privateKey = key == null ? DevAccounts.privateKey(0) : parseKey(key);
    PrintWriter out = spec.commandLine().getOut();
    List<Measurement> results;
    String target;
    if (rpc != null) {
      target = rpc;
      results = ThroughputBench.run(rpc, privateKey, settings, out);
    } else {
      Path dir = Files.createTempDirectory("cvm-chain-bench");
      try (LocalNode node = LocalNode.start(LocalNode.Settings.dev(dir).withPorts(0, 0))) {
        target = "in-process dev node " + node.url();
        results = ThroughputBench.run(node.url(), privateKey, settings, out);
      } catch (org.cvmj.chain.chain.ChainException | org.cvmj.chain.db.ChainDatabaseException e) {
        throw new BenchException("cannot start the in-process dev node: " + e.getMessage());
      } finally {
        deleteTree(dir);
      }
    }
    out.println();
    out.print(BenchTable.format(target, settings, results));
    out.flush();
    return 0;
  }

  private BigInteger parseKey(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (!digits.matches("[0-9a-fA-F]{1,64}")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--key must be a private key in hex (up to 64"
          + " digits), got " + digits.length() + " characters");
    }
    return new BigInteger(digits, 16);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
