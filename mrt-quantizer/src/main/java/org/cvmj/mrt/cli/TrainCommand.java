package org.cvmj.mrt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cvmj.mrt.config.MrtConfig;
import org.cvmj.mrt.data.Zoo;
import org.cvmj.mrt.djl.TrainOptions;
import org.cvmj.mrt.djl.Trainer;
import org.cvmj.mrt.mxnet.MxModelFiles;
import org.cvmj.mrt.zoo.ZooTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mrt train CONFIG [--output DIR]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train the config's [TRAIN] Network with DJL on MXNet (offline, CPU) on the train split of the "
        + "[CALIBRATION] dataset, and write <Model_name>.json + .params in MXNet format.",
        "The zoo's models were made this way: mrt train model_zoo/mnist.ini reproduces model-zoo/models/mnist_dapp."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "MRT INI configuration with a [TRAIN] section")
  String config;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "directory for <Model_name>.json/.params (default: the config's Model_dir)")
  Path output;

  @Override
  public Integer call() {
    MrtConfig cfg = MrtConfig.load(Zoo.resolveConfig(config));
    PrintWriter out = spec.commandLine().getOut();
    TrainOptions options = TrainOptions.from(cfg.training()).withProgress(System.console() != null);
    Trainer.Result r = ZooTrainer.train(cfg, options, line -> {
      out.println(line);
      out.flush();
    });
    Path dir = output != null ? output : cfg.modelDir();
    MxModelFiles.write(r.model(), dir, cfg.modelName());
    out.printf(Locale.ROOT, "held-out top-1 %.2f %% after %d epochs, %.0f s%n", 100 * r.heldOutAccuracy(),
        r.epochs().size(), r.seconds());
    out.println("wrote " + dir.resolve(cfg.modelName() + ".json") + " and .params");
    out.flush();
    return 0;
  }
}
