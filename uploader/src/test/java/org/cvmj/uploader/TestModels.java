package org.cvmj.uploader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.tensor.Shape;

/** The models the tests upload: the MNIST zoo model of cvm-chain's tests, and dense models built here. */
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
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] w = new int[units * 300];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(-127, 128);
    }
    GraphBuilder b = new GraphBuilder();
    EntryRef x = b.input(Shape.of(1, 300), 8);
    EntryRef weight = b.param("w", Shape.of(units, 300), 8, w);
    EntryRef y = b.op("dense", Map.of("units", "" + units, "use_bias", "False"), x, weight);
    GraphBuilder.Built built = b.build(y);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("symbol"), SymbolWriter.write(built.symbol()), StandardCharsets.UTF_8);
    Files.write(dir.resolve("params"), ParamsWriter.write(built.params()));
    return dir;
  }
}
