package org.cvmj.cvm.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.tensor.Shape;

/**
 * The embedded default model: a small convolutional net on a 1x1x16x16 int8 image with random int8
 * weights from a fixed seed. Its files are committed under {@code src/main/resources/org/cvmj/cvm/demo/}
 * and {@code cvm demo --out DIR} writes them again; a test holds the two equal.
 *
 * <pre>
 * data (1,1,16,16) -> conv2d 8x3x3 pad 1 + bias -> cvm_right_shift -> relu -> max_pool2d 2x2
 *   -> conv2d 16x3x3 pad 1 + bias -> cvm_right_shift -> relu -> max_pool2d 2x2 -> flatten
 *   -> dense 10 + bias -> cvm_right_shift (int8 logits)
 * </pre>
 */
public final class DemoModel {
  public static final String RESOURCE_DIR = "/org/cvmj/cvm/demo/";
  public static final String INPUT_FILE = "input.bin";
  public static final long SEED = 20261121L;

  private DemoModel() {}

  /** The files of the model directory: {@code symbol}, {@code params} and a sample {@code input.bin}. */
  public record Files(String symbol, byte[] params, byte[] input) {}

  public static Files generate() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    GraphBuilder b = new GraphBuilder();
    EntryRef x = b.input(Shape.of(1, 1, 16, 16), 8);
    x = convBlock(b, rnd, "conv1", x, 1, 8);
    x = convBlock(b, rnd, "conv2", x, 8, 16);
    x = b.op("flatten", Map.of(), x);
    EntryRef w = b.param("fc_weight", Shape.of(10, 256), 8, int8(rnd, 10 * 256));
    EntryRef bias = b.param("fc_bias", Shape.of(10), 8, int8(rnd, 10));
    x = b.op("dense", Map.of("units", "10", "use_bias", "True"), x, w, bias);
    x = b.op("cvm_right_shift", Map.of("precision", "8", "shift_bit", "10"), x);
    GraphBuilder.Built built = b.build(x);
    return new Files(SymbolWriter.write(built.symbol()), ParamsWriter.write(built.params()), sampleInput());
  }

  private static EntryRef convBlock(GraphBuilder b, SplittableRandom rnd, String name, EntryRef x, int in,
      int out) {
    EntryRef w = b.param(name + "_weight", Shape.of(out, in, 3, 3), 8, int8(rnd, out * in * 9));
    EntryRef bias = b.param(name + "_bias", Shape.of(out), 8, int8(rnd, out));
    EntryRef y = b.op("conv2d", Map.of("channels", Integer.toString(out), "kernel_size", "(3, 3)",
        "padding", "(1, 1)", "use_bias", "True"), x, w, bias);
    y = b.op("cvm_right_shift", Map.of("precision", "8", "shift_bit", in == 1 ? "8" : "10"), y);
    y = b.op("relu", Map.of(), y);
    return b.op("max_pool2d", Map.of("pool_size", "(2, 2)", "strides", "(2, 2)"), y);
  }

  private static int[] int8(SplittableRandom rnd, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(-127, 128);
    }
    return v;
  }

  /** A hand-drawn "7": bright strokes on a dark background. */
  static byte[] sampleInput() {
    byte[] img = new byte[16 * 16];
    java.util.Arrays.fill(img, (byte) -100);
    for (int c = 3; c <= 12; c++) {
      img[3 * 16 + c] = 120;
      img[4 * 16 + c] = 120;
    }
    for (int r = 5; r <= 13; r++) {
      int c = 12 - (r - 5) / 2;
      img[r * 16 + c] = 120;
      img[r * 16 + c - 1] = 90;
    }
    return img;
  }

  /** The committed copy, as the CLI uses it when no model is named. */
  public static Files embedded() {
    return new Files(new String(resource("symbol"), StandardCharsets.UTF_8), resource("params"),
        resource(INPUT_FILE));
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoModel.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE_DIR + name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
