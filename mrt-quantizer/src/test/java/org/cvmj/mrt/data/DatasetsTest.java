package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  private static final byte[] LABELS_2 = {0, 0, 0x08, 1, 0, 0, 0, 2, 1, 0};
  private static final byte[] IMAGES_2X1X2 = {0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, (byte) 255, 51,
      102};

  @Test
  void idxDirectoryPlainAndGzipped(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("t10k-images-idx3-ubyte"), IMAGES_2X1X2);
    Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxReaderTest.gzip(LABELS_2));
    Dataset d = Datasets.load(new DatasetSpec(DatasetKind.IDX, Optional.of(dir), Normalization.DEFAULT), "test",
        Shape.of(1, 1, 2));
    assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.4f}, d.images().data());
    assertArrayEquals(new int[] {1, 0}, d.labels());
    assertEquals(List.of("0", "1"), d.classNames());
  }

  @Test
  void idxDirectoryMissingFile(@TempDir Path dir) {
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(
        new DatasetSpec(DatasetKind.IDX, Optional.of(dir), Normalization.DEFAULT), "train", Shape.of(1, 1, 2)));
    assertEquals(dir + ": has neither train-images-idx3-ubyte nor train-images-idx3-ubyte.gz", e.getMessage());
  }

  @Test
  void missingDirectoryAndBadSplit(@TempDir Path dir) {
    Path none = dir.resolve("none");
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(
        new DatasetSpec(DatasetKind.NPY, Optional.of(none), Normalization.DEFAULT), "train", Shape.of(1, 1, 2)));
    assertEquals("dataset npy: directory " + none + " does not exist", e.getMessage());
    MrtException s = assertThrows(MrtException.class,
        () -> Datasets.load(DatasetSpec.mnist(), "validation", Shape.of(1, 28, 28)));
    assertEquals("dataset split must be train or test, got 'validation'", s.getMessage());
  }

  @Test
  void mnistIsOneChannel() {
    MrtException e = assertThrows(MrtException.class,
        () -> Datasets.load(DatasetSpec.mnist(), "test", Shape.of(3, 28, 28)));
    assertEquals(true, e.getMessage().contains("images have shape (2000, 28, 28), which does not hold images of "
        + "(3, 28, 28)"), e.getMessage());
  }

  @Test
  void fashionMnistMissingSaysHowToInstall(@TempDir Path dir) {
    Path none = dir.resolve("fashion");
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(
        new DatasetSpec(DatasetKind.FASHION_MNIST, Optional.of(none), Normalization.DEFAULT), "test",
        Shape.of(1, 28, 28)));
    assertEquals("Fashion-MNIST not found: " + none + " does not exist. It comes from the Debian package "
        + "dataset-fashion-mnist: install it with `apt-get install dataset-fashion-mnist`, or set Dataset_dir to a "
        + "directory holding the four Fashion-MNIST IDX files", e.getMessage());
  }

  @Test
  void fashionMnistFromTheDebianPackage() {
    Assumptions.assumeTrue(Files.isDirectory(Datasets.FASHION_MNIST_DIR),
        "dataset-fashion-mnist is not installed (apt-get install dataset-fashion-mnist); skipping");
    Dataset test = Datasets.load(new DatasetSpec(DatasetKind.FASHION_MNIST, Optional.empty(), Normalization.DEFAULT),
        "test", Shape.of(1, 28, 28));
    assertEquals(10000, test.size());
    assertEquals("Ankle boot", test.classNames().get(9));
    // The first three test images of Fashion-MNIST are an ankle boot, a pullover and a trouser.
    assertArrayEquals(new int[] {9, 2, 1}, java.util.Arrays.copyOf(test.labels(), 3));
  }
}
