package org.cvmj.mrt.data;

import java.util.Arrays;
import java.util.List;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;

/**
 * A labelled image set ready for a model: N×C×H×W normalised float images, one label in 0..k-1 per image, and
 * the k class names. Arrays are shared, not copied: treat them as read-only.
 */
public record Dataset(FTensor images, int[] labels, List<String> classNames) {
  public Dataset {
    if (images.shape().ndim() != 4) {
      throw new IllegalArgumentException("images must be N×C×H×W, got " + images.shape());
    }
    if (labels.length != images.shape().dim(0)) {
      throw new IllegalArgumentException(images.shape().dim(0) + " images but " + labels.length + " labels");
    }
    classNames = List.copyOf(classNames);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not a class index 0.."
            + (classNames.size() - 1));
      }
    }
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** C×H×W of one image. */
  public Shape imageShape() {
    return Shape.of(Arrays.copyOfRange(images.shape().dims(), 1, 4));
  }

  /** Images {@code start .. start+count-1} (copied), with the same class names. */
  public Dataset batch(int start, int count) {
    if (start < 0 || count < 0 || (long) start + count > size()) {
      throw new MrtException("batch of " + count + " from image " + start + " is outside the dataset of "
          + size() + " images");
    }
    int[] dims = images.shape().dims();
    int per = dims[1] * dims[2] * dims[3];
    float[] data = Arrays.copyOfRange(images.data(), start * per, (start + count) * per);
    dims[0] = count;
    return new Dataset(new FTensor(Shape.of(dims), data), Arrays.copyOfRange(labels, start, start + count),
        classNames);
  }
}
