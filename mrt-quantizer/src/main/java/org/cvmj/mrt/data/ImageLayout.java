package org.cvmj.mrt.data;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * Brings image and label arrays read from a file (IDX or .npy) into the model's layout. Images may be stored
 * N×H×W (one channel, as MNIST), N×C×H×W, or N×H×W×C (as most NumPy exports); the wanted C×H×W decides which,
 * and the result is always N×C×H×W. Labels are N or N×1 non-negative integers.
 */
final class ImageLayout {
  private ImageLayout() {}

  /** Returns the pixels as N×C×H×W; {@code chw} is the model's C×H×W. */
  static float[] toNchw(String file, Shape stored, float[] values, Shape chw) {
    int c = chw.dim(0);
    int h = chw.dim(1);
    int w = chw.dim(2);
    int[] d = stored.dims();
    if (d.length == 3 && c == 1 && d[1] == h && d[2] == w) {
      return values;
    }
    if (d.length == 4 && d[1] == c && d[2] == h && d[3] == w) {
      return values;
    }
    if (d.length == 4 && d[1] == h && d[2] == w && d[3] == c) {
      return fromNhwc(values, d[0], h, w, c);
    }
    throw new MrtException(file + ": images have shape " + stored + ", which does not hold images of " + chw
        + " (C, H, W) from Input_shape: expected (N, " + (c == 1 ? h + ", " + w + ") or (N, " : "")
        + c + ", " + h + ", " + w + ") or (N, " + h + ", " + w + ", " + c + ")");
  }

  private static float[] fromNhwc(float[] v, int n, int h, int w, int c) {
    float[] out = new float[v.length];
    int plane = h * w;
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < plane; p++) {
        for (int k = 0; k < c; k++) {
          out[(i * c + k) * plane + p] = v[(i * plane + p) * c + k];
        }
      }
    }
    return out;
  }

  /** Checks a label array against {@code count} images; labels must be N or N×1 integers ≥ 0. */
  static int[] labels(String file, Shape stored, int[] values, int count) {
    boolean vector = stored.ndim() == 1 || (stored.ndim() == 2 && stored.dim(1) == 1);
    if (!vector) {
      throw new MrtException(file + ": labels must be a vector (N,) or (N, 1), got shape " + stored);
    }
    if (values.length != count) {
      throw new MrtException(file + ": " + values.length + " labels for " + count + " images");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new MrtException(file + ": label " + i + " is " + values[i] + ", labels must be class indices >= 0");
      }
    }
    return values;
  }

  /** Float labels (from .npy) as ints; each must be a whole number. */
  static int[] integral(String file, float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > 1 << 24) {
        throw new MrtException(file + ": label " + i + " is " + values[i] + ", labels must be whole numbers");
      }
      out[i] = (int) values[i];
    }
    return out;
  }

  /** Names "0".."k-1" for labels whose largest value is k-1 (formats that store no class names). */
  static List<String> numberedClasses(int[] labels) {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= max; i++) {
      names.add(Integer.toString(i));
    }
    return names;
  }
}
