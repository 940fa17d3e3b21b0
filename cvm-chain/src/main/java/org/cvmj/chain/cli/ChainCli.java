package org.cvmj.chain.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.cvmj.chain.bench.BenchCommand;
import org.cvmj.chain.chain.ChainException;
import org.cvmj.chain.db.ChainDatabaseException;
import org.cvmj.chain.statetest.StateTestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cvm-chain}: the chain node's command line. Exit codes: 0 success, 1 a check failed (for example a
 * conformance case), 2 bad usage, unreadable or malformed input, or an internal error; the message goes to
 * stderr.
 */
@Command(name = "cvm-chain", mixinStandardHelpOptions = true, version = "cvm-chain 0.1.0",
    description = "The CVM-J chain node: a dev chain with JSON-RPC, the EVM (Cancun) and its conformance tools.",
    subcommands = {StateTestCommand.class, NodeCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ChainCli {
  public static final int FAILED = 1;
  public static final int ERROR = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new ChainCli()));
  }

  /**
   * The command line with {@code node} stopping when {@code nodeStop} is released instead of on SIGINT/SIGTERM:
   * for running the node in-process (tests).
   */
  public static CommandLine commandLine(CountDownLatch nodeStop) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    return configure(new CommandLine(new ChainCli(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == NodeCommand.class ? cls.cast(new NodeCommand(nodeStop, false)) : defaults.create(cls);
      }
    }));
  }

  private static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler(ChainCli::handle);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof StateTestException || e instanceof ChainException || e instanceof ChainDatabaseException) {
      err.println("cvm-chain: " + e.getMessage());
    } else if (e instanceof java.net.BindException) {
      err.println("cvm-chain: cannot listen on the RPC port: " + e.getMessage()
          + "; stop the program using it or choose another with --http-port");
    } else {
      err.println("cvm-chain: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    err.flush();
    return ERROR;
  }
}
