package org.cvmj.mrt.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What to load, as a config states it: the kind, its directory (empty = the kind's default) and how to normalise
 * pixels. {@link Datasets#load} turns it into a {@link Dataset} for one split.
 */
public record DatasetSpec(DatasetKind kind, Optional<Path> dir, Normalization normalization) {
  public DatasetSpec {
    if (dir.isEmpty() && kind.needsDirectory()) {
      throw new IllegalArgumentException("dataset kind " + kind.configName() + " needs a directory");
    }
  }

  /** The bundled MNIST digits, normalised as MRT does (pixel / 255). */
  public static DatasetSpec mnist() {
    return new DatasetSpec(DatasetKind.MNIST, Optional.empty(), Normalization.DEFAULT);
  }
}
