package org.cvmj.cvm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One {@code cvm} invocation as a user makes it, with its exit code and what it printed. */
record CliResult(int code, String out, String err) {
  static CliResult cvm(String... args) {
    CommandLine cl = CvmCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliResult(code, out.toString(), err.toString());
  }
}
