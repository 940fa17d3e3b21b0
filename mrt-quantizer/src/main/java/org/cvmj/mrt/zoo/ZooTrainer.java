package org.cvmj.mrt.zoo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.config.MrtConfig;
import org.cvmj.mrt.data.Dataset;
import org.cvmj.mrt.data.Datasets;
import org.cvmj.mrt.djl.TrainOptions;
import org.cvmj.mrt.djl.Trainer;
import org.cvmj.mrt.mxnet.MxAuxParams;
import org.cvmj.mrt.mxnet.MxModelFiles;

/**
 * Trains a zoo model as a config describes it ({@code mrt train}): the [TRAIN] section's network, built from its
 * seed, is trained with {@link Trainer} on the train split of the [CALIBRATION] dataset, and scored on the test
 * split. {@link #main} is the maintenance command that produced the models in {@code model-zoo/models}.
 */
public final class ZooTrainer {
  private ZooTrainer() {}

  /** Trains with the config's [TRAIN] settings (no augmentation). */
  public static Trainer.Result train(MrtConfig config, Consumer<String> log) {
    return train(config, TrainOptions.from(config.training()), log);
  }

  /** Trains the config's network and data with {@code options} (which may differ from the config's). */
  public static Trainer.Result train(MrtConfig config, TrainOptions options, Consumer<String> log) {
    if (!config.imageShape().equals(Shape.of(1, 28, 28))) {
      throw new MrtException(config.source() + ": [DEFAULT] Input_shape " + config.imageShape()
          + " does not fit the zoo networks, which take (-1, 1, 28, 28)");
    }
    Dataset train = Datasets.load(config.calibration().dataset(), "train", config.imageShape());
    Dataset test = Datasets.load(config.calibration().dataset(), "test", config.imageShape());
    String network = config.training().network();
    log.accept(String.format(Locale.ROOT,
        "training %s (network %s) on %d images, held-out %d: %d epochs, batch %d, %s lr %s (cosine decay),"
            + " momentum %s, weight decay %s, shift %d, seed %d",
        config.modelName(), network, train.size(), test.size(), options.epochs(), options.batch(),
        options.optimizer(), options.learningRate(), options.momentum(), options.weightDecay(), options.shift(),
        options.seed()));
    return Trainer.train(Networks.create(network, options.seed()), train.images(), train.labels(), test.images(),
        test.labels(), options, log);
  }

  /**
   * {@code ZooTrainer <config.ini> [--epochs N] [--lr X] [--optimizer sgd|adam] [--batch N] [--weight-decay X]
   * [--shift N] [--out DIR] [--no-progress]}: trains and writes {@code <Model_dir>/<Model_name>.json/.params}
   * (or into {@code DIR}).
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: ZooTrainer <config.ini> [--epochs N] [--lr X] [--optimizer sgd|adam] [--batch N]"
          + " [--weight-decay X] [--shift N] [--out DIR] [--no-progress]");
      System.exit(2);
    }
    try {
      MrtConfig config = MrtConfig.load(Path.of(args[0]));
      TrainOptions o = TrainOptions.from(config.training());
      Path out = config.modelDir();
      for (int i = 1; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--no-progress")) {
          o = o.withProgress(false);
          continue;
        }
        if (i + 1 >= args.length) {
          throw new MrtException(flag + " needs a value");
        }
        String v = args[++i];
        o = switch (flag) {
          case "--epochs" -> o.withEpochs(Integer.parseInt(v));
          case "--lr" -> new TrainOptions(o.epochs(), o.batch(), Double.parseDouble(v), o.optimizer(), o.momentum(),
              o.weightDecay(), o.seed(), o.shift(), o.progress());
          case "--optimizer" -> new TrainOptions(o.epochs(), o.batch(), o.learningRate(), v, o.momentum(),
              o.weightDecay(), o.seed(), o.shift(), o.progress());
          case "--batch" -> new TrainOptions(o.epochs(), Integer.parseInt(v), o.learningRate(), o.optimizer(),
              o.momentum(), o.weightDecay(), o.seed(), o.shift(), o.progress());
          case "--weight-decay" -> new TrainOptions(o.epochs(), o.batch(), o.learningRate(), o.optimizer(),
              o.momentum(), Double.parseDouble(v), o.seed(), o.shift(), o.progress());
          case "--shift" -> o.withShift(Integer.parseInt(v));
          case "--out" -> {
            out = Path.of(v);
            yield o;
          }
          default -> throw new MrtException("unknown option " + flag);
        };
      }
      Trainer.Result r = train(config, o, System.out::println);
      java.nio.file.Files.createDirectories(out);
      MxModelFiles.write(r.model(), out, config.modelName());
      String bn = MxAuxParams.of(r.model().graph()).isEmpty() ? ""
          : ", BatchNorm moving statistics updated by MXNet: " + r.auxStatesUpdated();
      System.out.printf(Locale.ROOT, "held-out top-1 %.2f%%, %.0f s%s%nwrote %s%n", 100 * r.heldOutAccuracy(),
          r.seconds(), bn, out.resolve(config.modelName() + ".{json,params}"));
    } catch (java.io.IOException e) {
      System.err.println("error: " + e);
      System.exit(1);
    } catch (MrtException | NumberFormatException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }
}
