package org.cvmj.mrt.djl;

import java.util.Locale;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.config.Training;

/**
 * How to train: {@code epochs} passes over the training set in mini-batches of {@code batch} images, in an
 * order shuffled from {@code seed}; optimizer {@code sgd} (with {@code momentum}) or {@code adam}; the
 * learning rate starts at {@code learningRate} and follows a cosine decay to 0 over all updates;
 * {@code weightDecay} is L2 on every trainable parameter; each training image is shifted by a random
 * whole number of pixels in [-shift, shift] on each axis (0 = no augmentation, the border filled with 0);
 * {@code progress} draws a progress bar on stderr.
 */
public record TrainOptions(int epochs, int batch, double learningRate, String optimizer, double momentum,
    double weightDecay, long seed, int shift, boolean progress) {
  public TrainOptions {
    optimizer = optimizer.toLowerCase(Locale.ROOT);
    if (epochs < 1) {
      throw new MrtException("TRAIN Epochs must be at least 1, got " + epochs);
    }
    if (batch < 1) {
      throw new MrtException("TRAIN Batch must be at least 1, got " + batch);
    }
    if (!(learningRate > 0)) {
      throw new MrtException("TRAIN Learning_rate must be positive, got " + learningRate);
    }
    if (!optimizer.equals("sgd") && !optimizer.equals("adam")) {
      throw new MrtException("TRAIN Optimizer must be sgd or adam, got '" + optimizer + "'");
    }
    if (momentum < 0 || momentum >= 1) {
      throw new MrtException("TRAIN Momentum must be in [0, 1), got " + momentum);
    }
    if (weightDecay < 0) {
      throw new MrtException("TRAIN Weight_decay must not be negative, got " + weightDecay);
    }
    if (shift < 0 || shift > 8) {
      throw new MrtException("the augmentation shift must be 0 to 8 pixels, got " + shift);
    }
  }

  /** The options of a config's [TRAIN] section: no augmentation, progress bar on. */
  public static TrainOptions from(Training t) {
    return new TrainOptions(t.epochs(), t.batch(), t.learningRate(), t.optimizer(), t.momentum(), t.weightDecay(),
        t.seed(), t.shift(), true);
  }



  public TrainOptions withProgress(boolean on) {
    return new TrainOptions(epochs, batch, learningRate, optimizer, momentum, weightDecay, seed, shift, on);
  }
}
