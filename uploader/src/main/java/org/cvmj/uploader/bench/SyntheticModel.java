package org.cvmj.uploader.bench;

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
 * A valid CVM model of any params size: one dense layer of {@code units} over a (1,300) int8 input with seeded
 * random int8 weights, so that the registry's verification (load rules, precision inference, GetOps) passes and
 * each seed gives other file hashes, hence a fresh registration.
 */
public final class SyntheticModel {
  /** Input features; each unit adds this many weight bytes (one int8 each) to the params file. */
  public static final int FEATURES = 300;

  private SyntheticModel() {}

  /** Writes {@code symbol} and {@code params} of the model into {@code dir} (created if missing); returns it. */
  public static Path dense(Path dir, int units, long seed) throws IOException {
    return dense(dir, units, 8, randomWeights(units, seed));
  }

  /** Seeded random int8 weights in -127..127, {@code units × FEATURES} of them. */
  public static int[] randomWeights(int units, long seed) {
    if (units < 1) {
      throw new IllegalArgumentException("units must be at least 1, got " + units);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] w = new int[units * FEATURES];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(-127, 128);
    }
    return w;
  }

  /**
   * The same layer with the given {@code weights}, whose variable declares {@code weightPrecision} bits. Nothing
   * checks the weights against it here (tests write models that break it on purpose): the load checks do.
   */
  public static Path dense(Path dir, int units, int weightPrecision, int[] weights) throws IOException {
    GraphBuilder b = new GraphBuilder();
    EntryRef x = b.input(Shape.of(1, FEATURES), 8);
    EntryRef weight = b.param("w", Shape.of(units, FEATURES), weightPrecision, weights);
    EntryRef y = b.op("dense", Map.of("units", Integer.toString(units), "use_bias", "False"), x, weight);
    GraphBuilder.Built built = b.build(y);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("symbol"), SymbolWriter.write(built.symbol()), StandardCharsets.UTF_8);
    Files.write(dir.resolve("params"), ParamsWriter.write(built.params()));
    return dir;
  }

  /** The units whose params file holds about {@code bytes} bytes of weights (the file adds a small header). */
  public static int unitsFor(long bytes) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE / FEATURES, Math.round((double) bytes / FEATURES)));
  }
}
