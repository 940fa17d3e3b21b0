package org.cvmj.uploader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import org.cvmj.uploader.InvalidInputException;
import picocli.CommandLine;

/**
 * {@code upload}: the uploader's command line. Exit codes: 0 success (the model is ready, or the run stopped where
 * it was asked to), 1 invalid input (model files that fail the checks, a shape that does not match the model, a
 * wrong password, an unknown model, arguments the registry refuses, a model the chain rejected), 2 an I/O error,
 * an unreachable or failing node, bad usage, or an internal error; messages go to stderr.
 */
public final class UploadCli {
  public static final int INVALID = 1;
  public static final int FAILURE = 2;

  private UploadCli() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line reading {@code --password-env} variables from {@code env} instead of the process's. */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cl = new CommandLine(UploadCommand.class, new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (cls == KeyOptions.class) {
          return cls.cast(new KeyOptions(env));
        }
        return defaults.create(cls);
      }
    });
    cl.setExecutionExceptionHandler(UploadCli::handle);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code;
    if (e instanceof InvalidInputException) {
      err.println("upload: " + e.getMessage());
      code = INVALID;
    } else if (e instanceof NoSuchFileException nf) {
      err.println("upload: no such file: " + nf.getFile());
      code = FAILURE;
    } else if (e instanceof IOException) {
      // NodeException messages name the node and what to do; other I/O errors are file errors
      err.println("upload: " + (e instanceof org.cvmj.uploader.NodeException ? "" : "I/O error: ") + e.getMessage());
      code = FAILURE;
    } else {
      err.println("upload: internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      code = FAILURE;
    }
    err.flush();
    return code;
  }
}
