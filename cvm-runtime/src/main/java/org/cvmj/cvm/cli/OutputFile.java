package org.cvmj.cvm.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.tensor.Shape;

/** Writes inference output: the raw CVMAPIInference bytes, or a {@code .npy} array of the values they carry. */
final class OutputFile {
  private OutputFile() {}

  static void write(Path file, byte[] bytes, int width) throws IOException {
    if (file.getFileName().toString().endsWith(".npy")) {
      int[] values = values(bytes, width);
      Files.write(file, Npy.write(Shape.of(values.length), values, width));
    } else {
      Files.write(file, bytes);
    }
  }

  /** The output values as the bytes carry them (after int8 truncation or post-processing). */
  static int[] values(byte[] bytes, int width) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int[] v = new int[bytes.length / width];
    for (int i = 0; i < v.length; i++) {
      v[i] = width == 1 ? in.get() : in.getInt();
    }
    return v;
  }
}
