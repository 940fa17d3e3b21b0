package org.cvmj.tests;

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

/**
 * Models written for the tests with cvm-runtime's graph builder: one dense layer (no bias) over an int8 input of
 * {@link #INPUTS} values, so that the params file's size (and chunk count) follows from the number of units.
 */
final class DenseModel {
  /** Input width; the input shape is (1, INPUTS). */
  static final int INPUTS = 300;

  private DenseModel() {}

  /** Seeded random int8 weights in -127..127, {@code units × INPUTS} of them. */
  static int[] randomWeights(int units, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] w = new int[units * INPUTS];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(-127, 128);
    }
    return w;
  }

  /**
   * Writes {@code symbol} and {@code params} to {@code dir}, the weight variable declaring {@code weightPrecision}
   * bits. Nothing checks the weights against it here: the load checks (uploader and chain) do.
   */
  static Path write(Path dir, int units, int weightPrecision, int[] weights) throws IOException {
    GraphBuilder b = new GraphBuilder();
    EntryRef x = b.input(Shape.of(1, INPUTS), 8);
    EntryRef w = b.param("w", Shape.of(units, INPUTS), weightPrecision, weights);
    EntryRef y = b.op("dense", Map.of("units", Integer.toString(units), "use_bias", "False"), x, w);
    GraphBuilder.Built built = b.build(y);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("symbol"), SymbolWriter.write(built.symbol()), StandardCharsets.UTF_8);
    Files.write(dir.resolve("params"), ParamsWriter.write(built.params()));
    return dir;
  }
}
