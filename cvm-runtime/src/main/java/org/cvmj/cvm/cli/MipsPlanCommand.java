package org.cvmj.cvm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cvmj.cvm.mips.guest.ModelPlan;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Write the binary plan of a model (what the VM holds at 0x10000000) and the raw input bytes,",
        "for the guest's native build: cvm-guest-native PLAN INPUT OUTPUT (docs/mips-guest.md)."})
final class MipsPlanCommand implements Callable<Integer> {
  @Mixin
  ModelInput model;

  @Option(names = "--plan-out", required = true, paramLabel = "FILE", description = "Write the plan here.")
  Path planOut;

  @Option(names = "--input-out", paramLabel = "FILE", description = "Write the raw input bytes here.")
  Path inputOut;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Model m = model.load();
    byte[] plan = ModelPlan.encode(m);
    Files.write(planOut, plan);
    if (inputOut != null) {
      Files.write(inputOut, model.raw(m));
    }
    spec.commandLine().getOut().println("plan: " + plan.length + " bytes" + (inputOut == null ? "" : ", input: "
        + Files.size(inputOut) + " bytes"));
    return 0;
  }
}
