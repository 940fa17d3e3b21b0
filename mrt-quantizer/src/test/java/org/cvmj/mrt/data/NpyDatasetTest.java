package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyDatasetTest {
  /** A version 1.0 .npy file: header dict, then the little-endian data. */
  static byte[] npy(String descr, String shape, byte[] data) {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    return b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data).array();
  }

  static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  static byte[] longs(long... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long l : v) {
      b.putLong(l);
    }
    return b.array();
  }

  private static DatasetSpec spec(Path dir, Normalization n) {
    return new DatasetSpec(DatasetKind.NPY, Optional.of(dir), n);
  }

  @Test
  void float32ChannelsLastBecomeChannelsFirst(@TempDir Path dir) throws IOException {
    // Two 1×2 RGB images stored N×H×W×C (NumPy's usual layout), already in 0..1.
    float[] nhwc = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 1, 0, 0, 0, 1, 0};
    Files.write(dir.resolve("train_images.npy"), npy("<f4", "(2, 1, 2, 3)", floats(nhwc)));
    Files.write(dir.resolve("train_labels.npy"), npy("<i8", "(2,)", longs(4, 1)));
    Dataset d = Datasets.load(spec(dir, new Normalization(1, new double[] {0}, new double[] {1})), "train",
        Shape.of(3, 1, 2));
    assertEquals(Shape.of(2, 3, 1, 2), d.images().shape());
    assertArrayEquals(new float[] {0.1f, 0.4f, 0.2f, 0.5f, 0.3f, 0.6f, 1, 0, 0, 1, 0, 0}, d.images().data());
    assertArrayEquals(new int[] {4, 1}, d.labels());
    assertEquals(List.of("0", "1", "2", "3", "4"), d.classNames());
  }

  @Test
  void uint8GrayImagesWithMeanAndStd(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("test_images.npy"), npy("|u1", "(1, 2, 2)", new byte[] {0, (byte) 255, 51, 102}));
    Files.write(dir.resolve("test_labels.npy"), Npy.write(Shape.of(1), new int[] {0}, 1));
    Dataset d = Datasets.load(spec(dir, new Normalization(255, new double[] {0.2}, new double[] {0.4})), "test",
        Shape.of(1, 2, 2));
    // (p/255 - 0.2) / 0.4
    assertArrayEquals(new float[] {-0.5f, 2f, 0f, 0.5f}, d.images().data(), 1e-6f);
  }

  @Test
  void labelCountMustMatch(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("train_images.npy"), npy("|u1", "(2, 1, 1)", new byte[2]));
    Files.write(dir.resolve("train_labels.npy"), npy("<i8", "(3,)", longs(0, 1, 2)));
    MrtException e = assertThrows(MrtException.class,
        () -> Datasets.load(spec(dir, Normalization.DEFAULT), "train", Shape.of(1, 1, 1)));
    assertEquals(dir.resolve("train_labels.npy") + ": 3 labels for 2 images", e.getMessage());
  }

  @Test
  void wrongImageShapeNamesFileAndExpectation(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("train_images.npy"), npy("|u1", "(1, 3, 3)", new byte[9]));
    Files.write(dir.resolve("train_labels.npy"), npy("<i8", "(1,)", longs(0)));
    MrtException e = assertThrows(MrtException.class,
        () -> Datasets.load(spec(dir, Normalization.DEFAULT), "train", Shape.of(1, 28, 28)));
    assertEquals(dir.resolve("train_images.npy") + ": images have shape (1, 3, 3), which does not hold images of "
        + "(1, 28, 28) (C, H, W) from Input_shape: expected (N, 28, 28) or (N, 1, 28, 28) or (N, 28, 28, 1)",
        e.getMessage());
  }

  @Test
  void nonIntegerFloatLabels(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("train_images.npy"), npy("|u1", "(1, 1, 1)", new byte[1]));
    Files.write(dir.resolve("train_labels.npy"), npy("<f4", "(1,)", floats(0.5f)));
    MrtException e = assertThrows(MrtException.class,
        () -> Datasets.load(spec(dir, Normalization.DEFAULT), "train", Shape.of(1, 1, 1)));
    assertEquals(dir.resolve("train_labels.npy") + ": label 0 is 0.5, labels must be whole numbers", e.getMessage());
  }

  @Test
  void missingFileAndBadNpy(@TempDir Path dir) throws IOException {
    MrtException missing = assertThrows(MrtException.class,
        () -> Datasets.load(spec(dir, Normalization.DEFAULT), "test", Shape.of(1, 1, 1)));
    assertEquals(dir.resolve("test_images.npy") + ": no such file", missing.getMessage());
    Files.write(dir.resolve("test_images.npy"), "not numpy".getBytes(StandardCharsets.US_ASCII));
    MrtException bad = assertThrows(MrtException.class,
        () -> Datasets.load(spec(dir, Normalization.DEFAULT), "test", Shape.of(1, 1, 1)));
    assertEquals(dir.resolve("test_images.npy") + ": .npy: not an .npy file (missing \\x93NUMPY magic)",
        bad.getMessage());
  }
}
