package org.cvmj.mrt.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cvmj.mrt.data.DatasetKind;
import org.cvmj.mrt.data.DatasetSpec;
import org.cvmj.mrt.data.Normalization;

/**
 * [CALIBRATION]: {@code batches} batches of {@code batch} images from {@code split} of {@code dataset} set the
 * thresholds; {@code lambda} (empty = none) is MRT's outlier hyper-parameter. The dataset, with its
 * normalisation, is also what training and evaluation read.
 */
public record Calibration(int batch, int batches, OptionalDouble lambda, DatasetSpec dataset, String split,
    boolean dump) {
  /** MRT's dataset names that CVM-J does not bundle (dataset.py {@code @register_dataset}). */
  private static final List<String> MRT_DATASETS = List.of("imagenet", "voc", "coco", "cifar10", "quickdraw",
      "trec", "stdrandom");

  static Calibration read(ConfigSection s, int channels) {
    s.checkDevice();
    int batch = s.positiveInt("Batch", 16);
    int batches = s.positiveInt("Calibrate_num", 1);
    OptionalDouble lambda = s.optionalNumber("Lambda", 0, false, "must be a positive number or empty (None)");
    String split = s.choice("Calibrate_split", "train", List.of("train", "test"));
    return new Calibration(batch, batches, lambda, dataset(s, channels), split, s.bool("Dump"));
  }

  private static DatasetSpec dataset(ConfigSection s, int channels) {
    String name = s.required("Dataset").toLowerCase(Locale.ROOT);
    DatasetKind kind = DatasetKind.ofConfigName(name);
    if (kind == null) {
      if (MRT_DATASETS.contains(name)) {
        throw s.error("Dataset", name + " is an MRT dataset that CVM-J does not bundle; convert it to IDX, .npy or "
            + "an image folder and use Dataset=idx, npy or image_folder with Dataset_dir");
      }
      throw s.error("Dataset", "must be one of mnist, fashion_mnist, idx, npy, image_folder");
    }
    Optional<Path> dir = s.path("Dataset_dir");
    if (dir.isEmpty() && kind.needsDirectory()) {
      throw s.problem("Dataset_dir", "Dataset=" + name + " reads its files from Dataset_dir; set it to the "
          + "directory (relative paths are relative to the config file)");
    }
    double scale = s.positiveNumber("Pixel_scale", 255);
    double[] mean = s.numbers("Mean", Double.NEGATIVE_INFINITY, false, "must be comma-separated numbers");
    double[] std = s.numbers("Std", 0, false, "must be comma-separated positive numbers");
    checkCount(s, "Mean", mean, channels);
    checkCount(s, "Std", std, channels);
    Normalization n = new Normalization(scale, mean.length == 0 ? new double[] {0} : mean,
        std.length == 0 ? new double[] {1} : std);
    return new DatasetSpec(kind, dir, n);
  }

  private static void checkCount(ConfigSection s, String key, double[] values, int channels) {
    if (values.length > 1 && values.length != channels) {
      throw s.error(key, "needs one value for all channels or one per channel (" + channels + " from Input_shape)");
    }
  }
}
