package org.cvmj.mrt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.cvmj.mrt.MrtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mrt}: quantize float MXNet models into CVM integer models, and train the zoo's float models. Exit
 * codes: 0 success, 1 invalid input (config, model file, dataset, shape: the message names it), 2 I/O
 * error, bad usage or internal error; messages go to stderr.
 */
@Command(name = "mrt", mixinStandardHelpOptions = true, version = "mrt 0.1.0",
    description = "Quantize float MXNet models into integer-only CVM models (Cortex MRT mathematics).",
    subcommands = {QuantizeCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class MrtCli {
  public static final int INVALID = 1;
  public static final int FAILURE = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MrtCli());
    cl.setExecutionExceptionHandler(MrtCli::handle);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof MrtException) {
      err.println("mrt: " + e.getMessage());
      err.flush();
      return INVALID;
    }
    if (e instanceof IOException) {
      err.println("mrt: I/O error: " + e.getMessage());
      err.flush();
      return FAILURE;
    }
    err.println("mrt: internal error: " + e);
    err.flush();
    return FAILURE;
  }
}
