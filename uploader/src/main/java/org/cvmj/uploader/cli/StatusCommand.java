package org.cvmj.uploader.cli;

import java.util.concurrent.Callable;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.report.Addresses;
import org.cvmj.uploader.report.ModelReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upload status ADDRESS}: a model's registration, upload progress (with missing chunks) and verdict. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show a model's status: author, upload progress and missing chunks, verdict, fee, calls, earnings.")
final class StatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ADDRESS", description = "the model's address (printed by upload)")
  String address;

  @Mixin
  RpcOption rpc;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String model = Addresses.parse(address, "model");
    try (Rpc node = rpc.connect()) {
      Reports.printStatus(spec.commandLine().getOut(), ModelReport.read(node, model));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
