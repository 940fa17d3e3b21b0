package org.cvmj.chain.cli;

import java.io.PrintWriter;
import org.cvmj.chain.statetest.StateTestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cvm-chain}: the chain node's command line. Exit codes: 0 success, 1 a check failed (for example a
 * conformance case), 2 bad usage, unreadable or malformed input, or an internal error; the message goes to
 * stderr.
 */
@Command(name = "cvm-chain", mixinStandardHelpOptions = true, version = "cvm-chain 0.1.0",
    description = "The CVM-J chain node: EVM (Cancun) and its conformance tools.",
    subcommands = {StateTestCommand.class, CommandLine.HelpCommand.class})
public final class ChainCli {
  public static final int FAILED = 1;
  public static final int ERROR = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ChainCli());
    cl.setExecutionExceptionHandler(ChainCli::handle);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof StateTestException) {
      err.println("cvm-chain: " + e.getMessage());
    } else {
      err.println("cvm-chain: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    err.flush();
    return ERROR;
  }
}
