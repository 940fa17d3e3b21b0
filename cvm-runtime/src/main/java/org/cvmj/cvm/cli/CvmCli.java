package org.cvmj.cvm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.cvmj.cvm.mips.MipsException;
import org.cvmj.cvm.model.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cvm}: run, inspect and verify CVM models, and run the MIPS fault-proof VM. Exit codes: 0 success,
 * 1 invalid model or input, 2 I/O error, bad usage, a MIPS VM error or internal error; the message goes to
 * stderr. ({@code cvm mips run} exits with the program's own status when the program exits.)
 */
@Command(name = "cvm", mixinStandardHelpOptions = true, version = "cvm 0.1.0",
    description = "Run, inspect and verify CVM integer models (Cortex CVM format).",
    subcommands = {RunCommand.class, InspectCommand.class, VerifyCommand.class, BenchCommand.class,
        DemoCommand.class, MipsCommand.class, CommandLine.HelpCommand.class})
public final class CvmCli {
  public static final int INVALID = 1;
  public static final int FAILURE = 2;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CvmCli());
    cl.setExecutionExceptionHandler(CvmCli::handle);
    // Everything after the program is its argv, "-x" included.
    cl.getSubcommands().get("mips").getSubcommands().get("run").setStopAtPositional(true);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof ModelException) {
      err.println("cvm: invalid: " + e.getMessage());
      err.flush();
      return INVALID;
    }
    if (e instanceof MipsException) {
      err.println("cvm: mips: " + e.getMessage());
      err.flush();
      return FAILURE;
    }
    if (e instanceof IOException) {
      err.println("cvm: I/O error: " + describe(e));
      err.flush();
      return FAILURE;
    }
    err.println("cvm: internal error: " + describe(e));
    err.flush();
    return FAILURE;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException nf) {
      return "no such file: " + nf.getFile();
    }
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
