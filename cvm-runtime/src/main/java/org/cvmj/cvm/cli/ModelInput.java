package org.cvmj.cvm.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --model DIR} and {@code --input FILE} for the commands that run an inference: without {@code --model}
 * the embedded demo model and its sample input; with it, the input is required.
 */
final class ModelInput {
  @Mixin
  ModelOption model;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Input file: raw CVMAPIInference bytes or a .npy array (default: the demo model's sample "
          + "input; required with --model).")
  Path input;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  Model load() throws IOException, ModelException {
    if (model.dir != null && input == null) {
      throw new ParameterException(spec.commandLine(), "--input is required with --model");
    }
    return model.load();
  }

  /** The input values, widened to int32. */
  int[] values(Model m) throws IOException, ModelException {
    return InputFile.read(input, m);
  }

  /** The input as raw CVMAPIInference bytes, as a chain would pass it. */
  byte[] raw(Model m) throws IOException, ModelException {
    return InputFile.readRaw(input, m);
  }

  String describe() {
    return model.describe();
  }
}
