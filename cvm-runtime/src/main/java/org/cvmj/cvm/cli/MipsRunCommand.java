package org.cvmj.cvm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.cvmj.cvm.mips.ElfProgram;
import org.cvmj.cvm.mips.Machine;
import org.cvmj.cvm.mips.MipsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a static MIPS32 big-endian ELF program in the VM, as qemu-mips would.",
        "The program's output goes to stdout and stderr (shown as UTF-8 text), and the command exits with the "
            + "program's exit status. The step count and the final state hash follow on stderr, or go to the "
            + "--json file instead. If the VM stops (invalid instruction, trap, division by zero, step limit) "
            + "the exit status is 2.",
        "Options go before PROGRAM; everything after it is passed to the program."})
final class MipsRunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "PROGRAM",
      description = "ELF executable (mips-linux-gnu-gcc ... -static -fno-pic -mno-abicalls).")
  Path program;

  @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments: the program's argv[1..].")
  List<String> args = new ArrayList<>();

  @Option(names = "--max-steps", defaultValue = "100000000000", paramLabel = "N",
      description = "Stop after N steps if the program has not exited. Default: ${DEFAULT-VALUE}.")
  long maxSteps;

  @Option(names = "--stdin", paramLabel = "FILE", description = "The program's standard input (default: empty).")
  Path stdin;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write {\"steps\", \"exited\", \"exitCode\", \"stateHash\"} to FILE instead of stderr.")
  Path json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (maxSteps < 0) {
      throw new ParameterException(spec.commandLine(), "--max-steps must not be negative");
    }
    ElfProgram elf;
    try {
      elf = ElfProgram.parse(Files.readAllBytes(program));
    } catch (MipsException e) {
      return fail(program + ": " + e.getMessage());
    }
    List<String> argv = new ArrayList<>();
    argv.add(program.toString());
    argv.addAll(args);
    Machine machine = Machine.boot(elf, argv);
    machine.setStdin(stdin == null ? new byte[0] : Files.readAllBytes(stdin));
    String stopped = null;
    try {
      machine.run(maxSteps);
      if (!machine.exited()) {
        stopped = "did not exit within " + maxSteps + " steps (raise --max-steps)";
      }
    } catch (MipsException e) {
      stopped = "stopped: " + e.getMessage();
    }
    // What the program printed comes first, also when it was stopped: it is often why.
    echo(spec.commandLine().getOut(), machine.stdout());
    echo(spec.commandLine().getErr(), machine.stderr());
    report(machine);
    return stopped == null ? machine.exitCode() : fail(program + " " + stopped);
  }

  private void report(Machine machine) throws java.io.IOException {
    String hash = "0x" + HexFormat.of().formatHex(machine.stateHash());
    if (json != null) {
      ObjectNode o = JSON.createObjectNode();
      o.put("steps", machine.steps());
      o.put("exited", machine.exited());
      if (machine.exited()) {
        o.put("exitCode", machine.exitCode());
      } else {
        o.putNull("exitCode");
      }
      o.put("stateHash", hash);
      Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("steps: " + machine.steps());
      err.println("state hash: " + hash);
      err.flush();
    }
  }

  private static void echo(PrintWriter to, byte[] bytes) {
    to.print(new String(bytes, StandardCharsets.UTF_8));
    to.flush();
  }

  private int fail(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("cvm mips run: " + message);
    err.flush();
    return CvmCli.FAILURE;
  }
}
