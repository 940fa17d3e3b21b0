package org.cvmj.uploader.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.uploader.InvalidInputException;

/**
 * Labelled int8 images to classify: {@code samples.npy} ({@code [N, ...]}, one model input per row) and
 * {@code labels.npy} ({@code [N]}), as {@code mrt quantize} writes them into a model directory.
 *
 * @param images each image's pixels, one int8 value per byte
 * @param labels the true class of each image
 */
public record Samples(List<byte[]> images, int[] labels) {
  public static final String SAMPLES_FILE = "samples.npy";
  public static final String LABELS_FILE = "labels.npy";

  public Samples {
    images = List.copyOf(images);
    labels = labels.clone();
  }

  public int size() {
    return labels.length;
  }

  /** Reads the pair from a model directory; a missing file or a shape that does not pair up is invalid input. */
  public static Samples read(Path modelDir) throws IOException, InvalidInputException {
    Npy.Array x = npy(modelDir.resolve(SAMPLES_FILE));
    Npy.Array y = npy(modelDir.resolve(LABELS_FILE));
    int[] dims = x.shape().dims();
    if (dims.length < 2 || y.shape().dims().length != 1 || y.shape().dims()[0] != dims[0]) {
      throw new InvalidInputException(modelDir.resolve(SAMPLES_FILE) + " has shape " + x.shape() + " and "
          + LABELS_FILE + " " + y.shape() + ": expected [N, ...] images and [N] labels");
    }
    int n = dims[0];
    int size = x.values().length / Math.max(n, 1);
    List<byte[]> images = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] image = new byte[size];
      for (int j = 0; j < size; j++) {
        int v = x.values()[i * size + j];
        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
          throw new InvalidInputException(modelDir.resolve(SAMPLES_FILE) + ": image " + i + " pixel " + j + " = "
              + v + " is not int8; the demo classifies int8 images");
        }
        image[j] = (byte) v;
      }
      images.add(image);
    }
    return new Samples(images, y.values());
  }

  private static Npy.Array npy(Path file) throws IOException, InvalidInputException {
    try {
      return Npy.read(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("no " + file + "; `mrt quantize` writes it into the model directory");
    } catch (ModelException e) {
      throw new InvalidInputException(file + ": " + e.getMessage());
    }
  }
}
