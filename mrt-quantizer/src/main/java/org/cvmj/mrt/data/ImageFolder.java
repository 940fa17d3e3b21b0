package org.cvmj.mrt.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;

/**
 * A directory of class subdirectories of images, {@code <dir>/<class>/*.png|jpg|jpeg}: classes are the sorted
 * subdirectory names (labels 0..k-1), images within a class are taken in sorted file-name order, so the same
 * tree always gives the same dataset. Images are decoded by javax.imageio and converted to the wanted channel
 * count; every image must already have the wanted H×W (resizing would silently change what the model sees).
 * Files whose names start with '.' are skipped; any other non-image file is an error, not ignored.
 */
public final class ImageFolder {
  private ImageFolder() {}

  /** The sorted class (subdirectory) names of {@code dir}. */
  public static List<String> classNames(Path dir) {
    List<String> names = new ArrayList<>();
    for (Path p : sortedEntries(dir)) {
      if (Files.isDirectory(p)) {
        names.add(p.getFileName().toString());
      } else {
        throw new MrtException(p + ": unexpected file; an image folder holds one subdirectory per class");
      }
    }
    if (names.isEmpty()) {
      throw new MrtException(dir + ": no class subdirectories (expected " + dir + "/<class>/<image>.png)");
    }
    return names;
  }

  static RawImages read(Path dir, Shape chw) {
    int c = chw.dim(0);
    int h = chw.dim(1);
    int w = chw.dim(2);
    if (c != 1 && c != 3) {
      throw new MrtException(dir + ": images can be read as 1 (grayscale) or 3 (RGB) channels, Input_shape asks "
          + "for " + c);
    }
    List<String> classes = classNames(dir);
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++) {
      Path classDir = dir.resolve(classes.get(k));
      int before = files.size();
      for (Path f : sortedEntries(classDir)) {
        if (!Files.isRegularFile(f) || !isImageName(f)) {
          throw new MrtException(f + ": not a .png, .jpg or .jpeg image file");
        }
        files.add(f);
        labels.add(k);
      }
      if (files.size() == before) {
        throw new MrtException(classDir + ": class directory has no images");
      }
    }
    int plane = h * w;
    float[] pixels = new float[Math.multiplyExact(files.size(), c * plane)];
    for (int i = 0; i < files.size(); i++) {
      decodeInto(files.get(i), c, h, w, pixels, i * c * plane);
    }
    return new RawImages(pixels, files.size(), labels.stream().mapToInt(Integer::intValue).toArray(), classes);
  }

  private static boolean isImageName(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  /** Non-hidden entries, sorted by name (String order, independent of locale and file system). */
  private static List<Path> sortedEntries(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MrtException(dir + ": no such directory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new MrtException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static void decodeInto(Path file, int c, int h, int w, float[] out, int offset) {
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new MrtException(file + ": cannot decode image: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new MrtException(file + ": not an image javax.imageio can decode");
    }
    if (img.getHeight() != h || img.getWidth() != w) {
      throw new MrtException(file + ": image is " + img.getHeight() + "×" + img.getWidth() + " (H×W), Input_shape "
          + "needs " + h + "×" + w);
    }
    int plane = h * w;
    boolean gray = img.getColorModel() instanceof ComponentColorModel cm
        && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    Raster raster = img.getRaster();
    int bits = img.getColorModel().getComponentSize(0);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        if (gray) {
          // Read gray samples directly: getRGB would pass them through a linear-to-sRGB conversion.
          int v = to8Bit(raster.getSample(x, y, 0), bits);
          for (int k = 0; k < c; k++) {
            out[offset + k * plane + p] = v;
          }
        } else {
          int rgb = img.getRGB(x, y);
          int r = (rgb >> 16) & 0xff;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          if (c == 1) {
            // ITU-R BT.601 luma in integers, rounded, so the result does not depend on float evaluation.
            out[offset + p] = (299 * r + 587 * g + 114 * b + 500) / 1000;
          } else {
            out[offset + p] = r;
            out[offset + plane + p] = g;
            out[offset + 2 * plane + p] = b;
          }
        }
      }
    }
  }

  private static int to8Bit(int sample, int bits) {
    if (bits == 8) {
      return sample;
    }
    long max = (1L << bits) - 1;
    return (int) ((sample * 255L + max / 2) / max);
  }
}
