package org.cvmj.chain.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.node.LocalNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cvm-chain node --dev}: starts a {@link LocalNode} and serves until the process is interrupted (SIGINT,
 * SIGTERM), when a shutdown hook closes the server and the database. Tests run it in-process with a latch of
 * their own in place of the signal.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Run a development chain node with JSON-RPC over HTTP and WebSocket (Ethereum methods, evm_*,"
        + " and eth_subscribe on WebSocket).",
        "Prints the funded dev accounts with their (publicly known) private keys and the RPC URLs; stops on"
            + " Ctrl-C (SIGINT) or SIGTERM, closing the database cleanly."})
final class NodeCommand implements Callable<Integer> {
  @Option(names = "--dev", required = true, description = "development mode: dev genesis, funded dev accounts,"
      + " evm_* methods (the only mode so far)")
  boolean dev;

  @Option(names = "--http-port", defaultValue = "8545", paramLabel = "PORT",
      description = "HTTP JSON-RPC port (default ${DEFAULT-VALUE}; 0 picks a free one, printed at start)")
  int port;

  @Option(names = "--ws-port", defaultValue = "8546", paramLabel = "PORT",
      description = "WebSocket JSON-RPC port (default ${DEFAULT-VALUE}; 0 picks a free one, printed at start)")
  int wsPort;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "interface to bind (default ${DEFAULT-VALUE}: this machine only)")
  String host;

  @Option(names = "--datadir", defaultValue = "${sys:user.home}/.cvm-chain/dev", paramLabel = "DIR",
      description = "chain database directory (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--chain-id", defaultValue = "1337", description = "chain id (default ${DEFAULT-VALUE})")
  long chainId;

  @Option(names = "--block-time", defaultValue = "0", paramLabel = "SECONDS",
      description = "seconds between blocks; 0 (default) mines each transaction at once")
  long blockTime;

  @Spec
  CommandSpec spec;

  private final CountDownLatch stop;
  private final boolean installShutdownHook;

  /** The command as the launcher runs it: stops on SIGINT/SIGTERM. */
  NodeCommand() {
    this(new CountDownLatch(1), true);
  }

  /** Stops when {@code stop} is released (and, if asked, on SIGINT/SIGTERM too). */
  NodeCommand(CountDownLatch stop, boolean installShutdownHook) {
    this.stop = stop;
    this.installShutdownHook = installShutdownHook;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--http-port must be 0 to 65535, got " + port);
    }
    if (wsPort < 0 || wsPort > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--ws-port must be 0 to 65535, got " + wsPort);
    }
    if (port == wsPort && port != 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--http-port and --ws-port must differ (both are " + port + ")");
    }
    if (chainId <= 0 || blockTime < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--chain-id must be positive and --block-time non-negative");
    }
    LocalNode node = LocalNode.start(new LocalNode.Settings(dataDir, host, port, wsPort, chainId, blockTime));
    Thread hook = new Thread(() -> {
      node.close();
      stop.countDown();
    }, "cvm-chain-shutdown");
    if (installShutdownHook) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    try {
      printBanner(out, node);
      stop.await();
    } finally {
      node.close();
      if (installShutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run; nothing to remove
        }
      }
    }
    out.println("Stopped; the chain is in " + dataDir);
    out.flush();
    return 0;
  }

  private void printBanner(PrintWriter out, LocalNode node) {
    out.println("cvm-chain dev node: chain id " + chainId + ", data in " + dataDir + ", head block "
        + node.node().blockNumber());
    out.println("Mining: " + (blockTime == 0 ? "automine (each transaction is mined at once)"
        : "a block every " + blockTime + " s"));
    out.println();
    out.println("Accounts");
    out.println("========");
    out.println("WARNING: these accounts and their private keys are publicly known. Any funds sent to them on a"
        + " real network WILL BE LOST.");
    out.println();
    BigInteger ether = BigInteger.TEN.pow(18);
    for (int i = 0; i < Genesis.DEV_ACCOUNTS; i++) {
      Address a = DevAccounts.address(i);
      out.println("Account #" + i + ": " + a.toChecksumHex() + " (" + Genesis.DEV_BALANCE.divide(ether)
          + " ETH)");
      out.println("Private Key: 0x" + String.format("%064x", DevAccounts.privateKey(i)));
      out.println();
    }
    out.println("HTTP JSON-RPC server started at " + node.url());
    out.println("WebSocket JSON-RPC server started at " + node.wsUrl());
    out.flush();
  }
}
