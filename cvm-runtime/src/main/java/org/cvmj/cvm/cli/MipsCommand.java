package org.cvmj.cvm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cvm mips}: the MIPS32 fault-proof VM — run programs and inferences, produce and check step proofs. */
@Command(name = "mips", mixinStandardHelpOptions = true,
    description = "The MIPS32 fault-proof VM: every instruction, delay slots included, is one provable step.",
    subcommands = {MipsRunCommand.class, MipsInferCommand.class, MipsStateCommand.class, MipsVerifyCommand.class,
        MipsBenchCommand.class, MipsPlanCommand.class, CommandLine.HelpCommand.class})
final class MipsCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // "cvm mips" alone: show what it can do rather than silently succeed.
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }
}
