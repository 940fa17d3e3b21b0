package org.cvmj.mrt.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * A directory in the MNIST layout: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each plain or with {@code .gz}.
 */
final class IdxDirectory {
  private IdxDirectory() {}

  static RawImages read(Path dir, String split, Shape chw, List<String> classNames) {
    String prefix = split.equals("train") ? "train" : "t10k";
    Path imageFile = find(dir, prefix + "-images-idx3-ubyte");
    Path labelFile = find(dir, prefix + "-labels-idx1-ubyte");
    IdxArray images = IdxReader.read(imageFile);
    if (images.shape().ndim() < 3) {
      throw new MrtException(imageFile + ": images need 3 or 4 dimensions, got " + images.shape());
    }
    int count = images.shape().dim(0);
    float[] pixels = ImageLayout.toNchw(imageFile.toString(), images.shape(), images.toFloats(), chw);
    IdxArray labelArray = IdxReader.read(labelFile);
    int[] labels = ImageLayout.labels(labelFile.toString(), labelArray.shape(), labelArray.toInts(), count);
    List<String> names = classNames != null ? classNames : ImageLayout.numberedClasses(labels);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= names.size()) {
        throw new MrtException(labelFile + ": label " + i + " is " + labels[i] + ", but this dataset has "
            + names.size() + " classes");
      }
    }
    return new RawImages(pixels, count, labels, names);
  }

  /** The file itself, else its {@code .gz}; the error lists both names. */
  private static Path find(Path dir, String name) {
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(name + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    throw new MrtException(dir + ": has neither " + name + " nor " + name + ".gz");
  }
}
