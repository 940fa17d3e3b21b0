package org.cvmj.cvm.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import picocli.CommandLine.Option;

/** {@code --model DIR}, shared by the commands; without it they use the embedded demo model. */
final class ModelOption {
  @Option(names = {"-m", "--model"}, paramLabel = "DIR",
      description = "Model directory holding 'symbol' and 'params' (default: the embedded demo model).")
  Path dir;

  Model load() throws IOException, ModelException {
    if (dir != null) {
      return Model.load(dir);
    }
    DemoModel.Files demo = DemoModel.embedded();
    return Model.load(demo.symbol(), demo.params());
  }

  String describe() {
    return dir == null ? "embedded demo model" : dir.toString();
  }
}
