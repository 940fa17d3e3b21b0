package org.cvmj.cvm.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run one inference and print the output values.",
        "Input and output bytes follow CVMAPIInference: int8, or little-endian int32 when the precision "
            + "exceeds 8 bits; a file ending in .npy is read or written as a NumPy array instead."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  ModelInput model;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the output here.")
  Path output;

  @Option(names = {"-t", "--threads"}, defaultValue = "1", paramLabel = "N",
      description = "Worker threads (the output is identical for every N). Default: ${DEFAULT-VALUE}.")
  int threads;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    Model m = model.load();
    InferenceCodec codec = InferenceCodec.reference(m.graph());
    int[][] heads;
    try (Executor ex = new Executor(m, threads)) {
      heads = ex.run(model.values(m));
    }
    byte[] bytes = codec.encodeOutput(heads);
    if (output != null) {
      OutputFile.write(output, bytes, codec.outputTypeSize());
    }
    spec.commandLine().getOut().println(Arrays.toString(OutputFile.values(bytes, codec.outputTypeSize())));
    return 0;
  }
}
