package org.cvmj.cvm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cvmj.cvm.model.ModelSummary;
import org.cvmj.cvm.tensor.Shape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show a model's gas (GetOps), storage size, input and outputs, and operator histogram.")
final class InspectCommand implements Callable<Integer> {
  @Mixin
  ModelOption model;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ModelSummary s = ModelSummary.of(model.load());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
      return 0;
    }
    out.printf("model:         %s%n", model.describe());
    out.printf("version:       %s%s%n", s.version(), s.postprocess().isEmpty() ? "" : ", postprocess " + s.postprocess());
    out.printf("gas (GetOps):  %,d%n", s.gas());
    out.printf("storage:       %,d bytes%n", s.storageBytes());
    out.printf("nodes:         %d (%d variables, %d operators; %d params)%n", s.nodes(), s.variables(),
        s.nodes() - s.variables(), s.params());
    out.printf("input:         %s %s precision %d, %d bytes%n", s.input().name(), shape(s.input().shape()),
        s.input().precision(), s.inputBytes());
    for (ModelSummary.Tensor t : s.outputs()) {
      out.printf("output:        %s %s precision %d%n", t.name(), shape(t.shape()), t.precision());
    }
    out.printf("output bytes:  %d%n", s.outputBytes());
    out.println("operators:");
    for (Map.Entry<String, Integer> e : s.operators().entrySet()) {
      out.printf("  %-20s %d%n", e.getKey(), e.getValue());
    }
    return 0;
  }

  private static String shape(int[] dims) {
    return Shape.of(dims).toString();
  }
}
