package org.cvmj.mrt.zoo;

import java.util.Locale;
import java.util.function.Consumer;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.config.MrtConfig;
import org.cvmj.mrt.data.Dataset;
import org.cvmj.mrt.data.Datasets;
import org.cvmj.mrt.djl.TrainOptions;
import org.cvmj.mrt.djl.Trainer;

/**
 * Trains a zoo model as a config describes it ({@code mrt train}): the [TRAIN] section's network, built from its
 * seed, is trained with {@link Trainer} on the train split of the [CALIBRATION] dataset, and scored on the test
 * split.
 */
public final class ZooTrainer {
  private ZooTrainer() {}

  /** Trains with the config's [TRAIN] settings. */
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
}
