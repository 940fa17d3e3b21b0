package org.cvmj.cvm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Regenerate the embedded demo model (symbol, params, input.bin) into a directory.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DemoModel.Files files = DemoModel.generate();
    Files.createDirectories(out);
    Files.writeString(out.resolve(Model.SYMBOL_FILE), files.symbol());
    Files.write(out.resolve(Model.PARAMS_FILE), files.params());
    Files.write(out.resolve(DemoModel.INPUT_FILE), files.input());
    spec.commandLine().getOut().println("wrote " + out.resolve(Model.SYMBOL_FILE) + ", "
        + Model.PARAMS_FILE + ", " + DemoModel.INPUT_FILE);
    return 0;
  }
}
