package org.cvmj.mrt.data;

import java.util.Locale;

/** Where a dataset's images come from; {@link #configName()} is the INI {@code Dataset} value. */
public enum DatasetKind {
  /** The 10,000 real MNIST digits bundled in {@code <mrt.zoo>/data/mnist} (IDX). */
  MNIST,
  /** Fashion-MNIST from the Debian package {@code dataset-fashion-mnist} (IDX). */
  FASHION_MNIST,
  /** A directory with the four standard MNIST-style IDX file names, plain or {@code .gz}. */
  IDX,
  /** {@code <dir>/<split>_images.npy} and {@code <dir>/<split>_labels.npy}. */
  NPY,
  /** {@code <dir>/<split>/<class>/*.png|jpg}. */
  IMAGE_FOLDER;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this config name, or null. */
  public static DatasetKind ofConfigName(String name) {
    for (DatasetKind k : values()) {
      if (k.configName().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** Whether the kind has no default directory, so {@code Dataset_dir} must be given. */
  public boolean needsDirectory() {
    return this == IDX || this == NPY || this == IMAGE_FOLDER;
  }
}
