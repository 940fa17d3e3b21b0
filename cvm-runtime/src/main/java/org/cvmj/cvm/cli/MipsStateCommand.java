package org.cvmj.cvm.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.cvmj.cvm.mips.Checkpoints;
import org.cvmj.cvm.mips.Machine;
import org.cvmj.cvm.mips.StepVerifier;
import org.cvmj.cvm.mips.StepWitness;
import org.cvmj.cvm.mips.WitnessJson;
import org.cvmj.cvm.mips.guest.GuestInference;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "state", mixinStandardHelpOptions = true,
    description = {"The state hash of an inference in the MIPS VM after K steps, and with --witness the JSON",
        "witness that proves step K (what a one-step verifier needs to compute the hash after it)."})
final class MipsStateCommand implements Callable<Integer> {
  @Mixin
  ModelInput model;

  @Option(names = {"-k", "--step"}, required = true, paramLabel = "K", description = "Step number (0 = initial state).")
  long step;

  @Option(names = "--witness", description = "Print the witness of step K as JSON.")
  boolean witness;

  @Option(names = "--checkpoint-interval", defaultValue = "10000000", paramLabel = "N",
      description = "Snapshot every N steps. Default: ${DEFAULT-VALUE}.")
  long interval;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Keep snapshots in DIR as well, so later requests for the same inference start near K.")
  Path cache;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (step < 0) {
      throw new ParameterException(spec.commandLine(), "--step must not be negative");
    }
    if (interval < 1) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-interval must be at least 1");
    }
    Model m = model.load();
    Checkpoints checkpoints = new Checkpoints(GuestInference.boot(m, model.raw(m)), interval, cache);
    Machine machine = checkpoints.at(step);
    if (machine.steps() < step) {
      throw new ParameterException(spec.commandLine(), "the inference exits at step " + machine.steps()
          + "; there is no step " + step);
    }
    if (!witness) {
      spec.commandLine().getOut().println("step " + step + ": state hash 0x" + HexFormat.of().formatHex(machine.stateHash())
          + (machine.exited() ? " (exited with code " + machine.exitCode() + ")" : ""));
      return 0;
    }
    byte[] pre = machine.stateHash();
    StepWitness w = machine.proveStep();
    byte[] post = StepVerifier.verify(pre, w);
    if (!Arrays.equals(post, machine.stateHash())) {
      throw new IllegalStateException("the verifier and the interpreter disagree on step " + step);
    }
    spec.commandLine().getOut().print(WitnessJson.write(new WitnessJson.Proven(step, w, post)));
    return 0;
  }
}
