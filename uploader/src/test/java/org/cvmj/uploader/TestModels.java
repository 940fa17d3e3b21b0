package org.cvmj.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.uploader.bench.SyntheticModel;

/** The models the tests upload: the MNIST zoo model of cvm-chain's tests, and dense models ({@link SyntheticModel}). */
public final class TestModels {
  private TestModels() {}

  /** The MNIST zoo model (symbol, params, ext.json, data.npy), which cvm-chain's tests also register. */
  public static Path mnist() {
    Path dir = Path.of("..", "cvm-chain", "src", "test", "resources", "org", "cvmj", "chain", "models", "mnist")
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("params"))) {
      throw new AssertionError("the MNIST test model is missing at " + dir);
    }
    return dir;
  }

  /**
   * A dense layer of {@code units} over a (1,300) int8 input with seeded random int8 weights, written to {@code dir}:
   * its params file spans about {@code units·300 / 65536} chunks.
   */
  public static Path dense(Path dir, int units, long seed) throws IOException {
    return SyntheticModel.dense(dir, units, seed);
  }
}
