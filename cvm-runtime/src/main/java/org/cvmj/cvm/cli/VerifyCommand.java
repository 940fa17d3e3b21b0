package org.cvmj.cvm.cli;

import java.util.concurrent.Callable;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Load a model and run every load-time check (format, shapes, precisions, params).")
final class VerifyCommand implements Callable<Integer> {
  @Mixin
  ModelOption model;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Model m = model.load();
    spec.commandLine().getOut().println("ok: " + model.describe() + " (" + m.graph().nodes().size()
        + " nodes, " + m.params().size() + " params)");
    return 0;
  }
}
