package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  private static final Normalization RAW = new Normalization(1, new double[] {0}, new double[] {1});

  /** A 2×2 (H×W) 8-bit gray PNG with the given row-major values. */
  static void grayPng(Path file, int... values) throws IOException {
    BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < 4; i++) {
      img.getRaster().setSample(i % 2, i / 2, 0, values[i]);
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }

  /** A 2×2 RGB PNG, every pixel the same colour. */
  static void rgbPng(Path file, int r, int g, int b) throws IOException {
    BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 4; i++) {
      img.setRGB(i % 2, i / 2, (r << 16) | (g << 8) | b);
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }

  private static DatasetSpec spec(Path dir) {
    return new DatasetSpec(DatasetKind.IMAGE_FOLDER, Optional.of(dir), RAW);
  }

  @Test
  void classesAreSortedSubdirectoriesAndFilesSortedByName(@TempDir Path dir) throws IOException {
    grayPng(dir.resolve("train/dog/b.png"), 1, 2, 3, 4);
    grayPng(dir.resolve("train/dog/a.png"), 5, 6, 7, 8);
    grayPng(dir.resolve("train/cat/z.png"), 0, 128, 255, 9);
    Files.writeString(dir.resolve("train/cat/.DS_Store"), "ignored: hidden");
    Dataset d = Datasets.load(spec(dir), "train", Shape.of(1, 2, 2));
    assertEquals(List.of("cat", "dog"), d.classNames());
    assertArrayEquals(new int[] {0, 1, 1}, d.labels());
    assertArrayEquals(new float[] {0, 128, 255, 9, 5, 6, 7, 8, 1, 2, 3, 4}, d.images().data());
  }

  @Test
  void rgbToGrayAndGrayToRgb(@TempDir Path dir) throws IOException {
    rgbPng(dir.resolve("test/red/r.png"), 200, 100, 50);
    grayPng(dir.resolve("test/shade/s.png"), 10, 20, 30, 40);
    Dataset gray = Datasets.load(spec(dir), "test", Shape.of(1, 2, 2));
    // BT.601 luma: (299*200 + 587*100 + 114*50 + 500) / 1000 = 124
    assertArrayEquals(new float[] {124, 124, 124, 124}, java.util.Arrays.copyOf(gray.images().data(), 4));
    Dataset rgb = Datasets.load(spec(dir), "test", Shape.of(3, 2, 2));
    assertArrayEquals(new float[] {200, 200, 200, 200, 100, 100, 100, 100, 50, 50, 50, 50},
        java.util.Arrays.copyOf(rgb.images().data(), 12));
    assertArrayEquals(new float[] {10, 20, 30, 40, 10, 20, 30, 40, 10, 20, 30, 40},
        java.util.Arrays.copyOfRange(rgb.images().data(), 12, 24));
  }

  @Test
  void wrongSizeNamesTheFile(@TempDir Path dir) throws IOException {
    grayPng(dir.resolve("train/a/x.png"), 1, 2, 3, 4);
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(spec(dir), "train", Shape.of(1, 28, 28)));
    assertEquals(dir.resolve("train/a/x.png") + ": image is 2×2 (H×W), Input_shape needs 28×28", e.getMessage());
  }

  @Test
  void otherFilesAreErrorsNotSkipped(@TempDir Path dir) throws IOException {
    grayPng(dir.resolve("train/a/x.png"), 1, 2, 3, 4);
    Files.writeString(dir.resolve("train/a/notes.txt"), "hello");
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(spec(dir), "train", Shape.of(1, 2, 2)));
    assertEquals(dir.resolve("train/a/notes.txt") + ": not a .png, .jpg or .jpeg image file", e.getMessage());
  }

  @Test
  void undecodableImage(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("train/a"));
    Files.writeString(dir.resolve("train/a/broken.png"), "not a png");
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(spec(dir), "train", Shape.of(1, 2, 2)));
    assertEquals(dir.resolve("train/a/broken.png") + ": not an image javax.imageio can decode", e.getMessage());
  }

  @Test
  void splitsMustHaveTheSameClasses(@TempDir Path dir) throws IOException {
    grayPng(dir.resolve("train/a/x.png"), 1, 2, 3, 4);
    grayPng(dir.resolve("train/b/x.png"), 1, 2, 3, 4);
    grayPng(dir.resolve("test/b/x.png"), 1, 2, 3, 4);
    MrtException e = assertThrows(MrtException.class, () -> Datasets.load(spec(dir), "test", Shape.of(1, 2, 2)));
    assertEquals(dir + ": test/ has classes [b] but train/ has [a, b]; both splits need the same class "
        + "subdirectories so labels agree", e.getMessage());
  }
}
