package org.cvmj.mrt.data;

import java.nio.file.Path;
import org.cvmj.cvm.format.Npy;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * {@code <dir>/<split>_images.npy} (float32/float64/uint8/int, N×H×W, N×C×H×W or N×H×W×C) and
 * {@code <dir>/<split>_labels.npy} (any integer type, or whole-number floats), read by cvm-runtime's
 * {@link Npy}, the project's one .npy reader.
 */
final class NpyPair {
  private NpyPair() {}

  static RawImages read(Path dir, String split, Shape chw) {
    Path imageFile = dir.resolve(split + "_images.npy");
    Path labelFile = dir.resolve(split + "_labels.npy");
    Npy.FloatArray images = readNpy(imageFile);
    if (images.shape().ndim() < 3) {
      throw new MrtException(imageFile + ": images need 3 or 4 dimensions, got " + images.shape());
    }
    int count = images.shape().dim(0);
    float[] pixels = ImageLayout.toNchw(imageFile.toString(), images.shape(), images.values(), chw);
    Npy.FloatArray labelArray = readNpy(labelFile);
    int[] labels = ImageLayout.labels(labelFile.toString(), labelArray.shape(),
        ImageLayout.integral(labelFile.toString(), labelArray.values()), count);
    return new RawImages(pixels, count, labels, ImageLayout.numberedClasses(labels));
  }

  private static Npy.FloatArray readNpy(Path file) {
    try {
      return Npy.readFloats(MaybeGzipped.read(file));
    } catch (ModelException e) {
      // The runtime's message starts with its rule label ("[input] "), which means nothing to a dataset user.
      throw new MrtException(file + ": " + e.getMessage().replaceFirst("^\\[[^]]*\\] ", ""), e);
    }
  }
}
