package org.cvmj.mrt.config;

import java.util.List;

/**
 * [TRAIN] (CVM-J's addition, read by {@code mrt train}): which zoo network to train on the CALIBRATION dataset's
 * train split, and how. Defaults: dapp, 5 epochs, batch 64, Adam with learning rate 0.001, momentum 0.9 (SGD
 * only), no weight decay, seed 42, no shift augmentation ({@code Shift}: each training image moved by a
 * random whole number of pixels in [-Shift, Shift] on each axis).
 */
public record Training(String network, int epochs, int batch, double learningRate, String optimizer,
    double momentum, double weightDecay, long seed, int shift) {
  public static final List<String> NETWORKS = List.of("dapp", "lenet", "mlp", "resnet20");
  public static final List<String> OPTIMIZERS = List.of("sgd", "adam");

  static Training read(ConfigSection s) {
    s.checkDevice();
    String network = s.choice("Network", "dapp", NETWORKS);
    int epochs = s.positiveInt("Epochs", 5);
    int batch = s.positiveInt("Batch", 64);
    double lr = s.positiveNumber("Learning_rate", 0.001);
    String optimizer = s.choice("Optimizer", "adam", OPTIMIZERS);
    double momentum = s.optionalNumber("Momentum", 0, true, "must be a number from 0 to 1").orElse(0.9);
    if (momentum >= 1) {
      throw s.error("Momentum", "must be a number from 0 to 1 (exclusive)");
    }
    double decay = s.optionalNumber("Weight_decay", 0, true, "must be a number >= 0").orElse(0);
    long seed = s.longValue("Seed", 42);
    int shift = s.integer("Shift", 0, 0, 8, "must be a whole number of pixels from 0 to 8");
    return new Training(network, epochs, batch, lr, optimizer, momentum, decay, seed, shift);
  }
}
