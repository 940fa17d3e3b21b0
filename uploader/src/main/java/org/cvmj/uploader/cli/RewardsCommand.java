package org.cvmj.uploader.cli;

import java.util.concurrent.Callable;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.chain.Rpc;
import org.cvmj.uploader.report.Addresses;
import org.cvmj.uploader.report.RewardsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upload rewards [AUTHOR]}: what an author's models earned. */
@Command(name = "rewards", mixinStandardHelpOptions = true,
    description = "Show what an author earned: the total, and calls and earnings per model.")
final class RewardsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "AUTHOR", arity = "0..1",
      description = "the author's address (default: the account of --keystore or --dev-account)")
  String author;

  @Mixin
  RpcOption rpc;

  @Mixin
  KeyOptions keys;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String who;
    if (author != null) {
      if (keys.given()) {
        throw new InvalidInputException("give either AUTHOR or a key option, not both");
      }
      who = Addresses.parse(author, "author");
    } else if (keys.given()) {
      who = Addresses.parse(keys.load().getAddress(), "author");
    } else {
      throw new InvalidInputException("whose rewards? pass AUTHOR, --keystore FILE or --dev-account N");
    }
    try (Rpc node = rpc.connect()) {
      Reports.printRewards(spec.commandLine().getOut(), RewardsReport.read(node, who));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
