package org.cvmj.chain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cvmj.chain.statetest.Conformance;
import org.cvmj.chain.statetest.ConformanceReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvm-chain statetest FILE_OR_DIR...}: runs GeneralStateTests fixtures under Cancun. */
@Command(name = "statetest", mixinStandardHelpOptions = true,
    description = {"Run ethereum/tests GeneralStateTests JSON files (directories are walked) under Cancun,"
        + " comparing state roots, logs hashes and rejections.",
        "Prints one line per failing case (file, test, dNgNvN indexes, what differs) and then 'N passed, M failed';"
        + " exits 0 only when nothing failed."})
final class StateTestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "state test files or directories")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConformanceReport report = Conformance.run(paths, p -> true, f -> {
      out.println(f.line());
      out.flush();
    });
    out.println(report.summary());
    out.flush();
    return report.failures().isEmpty() ? 0 : ChainCli.FAILED;
  }
}
