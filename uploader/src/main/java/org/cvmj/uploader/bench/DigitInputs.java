package org.cvmj.uploader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.uploader.InvalidInputException;

/**
 * Real digits to classify, made distinct per call. The node caches results by (model, input hash), so a benchmark
 * that repeats an input measures the cache, not the model: {@link #next()} takes the digits in turn and writes a
 * running counter into the two top-left pixels (background in MNIST), so no input repeats within 65,025 calls per
 * digit.
 */
public final class DigitInputs {
  /** int8 values the counter uses per pixel: -127..127, the range of an 8-bit precision input. */
  private static final int LEVELS = 255;

  private final List<byte[]> digits;
  private long counter;

  private DigitInputs(List<byte[]> digits) {
    this.digits = List.copyOf(digits);
  }

  /**
   * The digits of a model directory: {@code samples.npy} (the held-out digits {@code mrt quantize} writes), else
   * {@code data.npy} (one input); each row must be {@code inputBytes} int8 values.
   */
  public static DigitInputs read(Path modelDir, int inputBytes) throws IOException, InvalidInputException {
    Path file = modelDir.resolve("samples.npy");
    if (!Files.isRegularFile(file)) {
      file = modelDir.resolve("data.npy");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(modelDir + " holds neither samples.npy nor data.npy; pass the directory that"
          + " `mrt quantize model_zoo/mnist.ini -o DIR` writes");
    }
    int[] values;
    try {
      values = Npy.read(Files.readAllBytes(file)).values();
    } catch (ModelException e) {
      throw new InvalidInputException(file + ": " + e.getMessage());
    }
    if (values.length == 0 || values.length % inputBytes != 0) {
      throw new InvalidInputException(file + " holds " + values.length + " values, not rows of " + inputBytes);
    }
    List<byte[]> digits = new ArrayList<>();
    for (int row = 0; row < values.length / inputBytes; row++) {
      byte[] d = new byte[inputBytes];
      for (int j = 0; j < inputBytes; j++) {
        int v = values[row * inputBytes + j];
        if (v < -127 || v > 127) {
          throw new InvalidInputException(file + ": value " + v + " at row " + row + " is not int8");
        }
        d[j] = (byte) v;
      }
      digits.add(d);
    }
    return new DigitInputs(digits);
  }

  /** The first digit, unchanged: the same input every time (what the result cache answers after one miss). */
  public byte[] same() {
    return digits.get(0).clone();
  }

  /** An input no earlier call of this object returned. */
  public byte[] next() {
    long n = counter++;
    byte[] d = digits.get((int) (n % digits.size())).clone();
    long code = n / digits.size();
    if (code >= (long) LEVELS * LEVELS) {
      throw new IllegalStateException("more than " + LEVELS * LEVELS + " distinct inputs per digit asked for");
    }
    d[0] = (byte) (code % LEVELS - 127);
    d[1] = (byte) (code / LEVELS - 127);
    return d;
  }
}
