package org.cvmj.mrt.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;

/** Loads one split of a {@link DatasetSpec} as a normalised {@link Dataset}. */
public final class Datasets {
  /** Where the Debian package {@code dataset-fashion-mnist} installs its IDX files. */
  public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
  static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
      "Shirt", "Sneaker", "Bag", "Ankle boot");

  private Datasets() {}

  /**
   * @param split {@code train} or {@code test}
   * @param imageShape the model's image shape, C×H×W, or the whole input shape N×C×H×W whose first (batch) axis
   *     is ignored, e.g. {@code Input_shape} {@code (-1, 1, 28, 28)}
   */
  public static Dataset load(DatasetSpec spec, String split, Shape imageShape) {
    if (!split.equals("train") && !split.equals("test")) {
      throw new MrtException("dataset split must be train or test, got '" + split + "'");
    }
    Shape chw = chw(imageShape);
    spec.normalization().checkChannels(chw.dim(0));
    RawImages raw = switch (spec.kind()) {
      case MNIST -> IdxDirectory.read(existing(spec, mnistDir(spec)), split, chw, DIGITS);
      case FASHION_MNIST -> IdxDirectory.read(fashionDir(spec), split, chw, FASHION);
      case IDX -> IdxDirectory.read(existing(spec, spec.dir().orElseThrow()), split, chw, null);
      case NPY -> NpyPair.read(existing(spec, spec.dir().orElseThrow()), split, chw);
      case IMAGE_FOLDER -> imageFolder(existing(spec, spec.dir().orElseThrow()), split, chw);
    };
    int c = chw.dim(0);
    int plane = chw.dim(1) * chw.dim(2);
    float[] pixels = spec.normalization().applyInPlace(raw.pixels(), c, plane);
    FTensor images = new FTensor(Shape.of(raw.count(), c, chw.dim(1), chw.dim(2)), pixels);
    return new Dataset(images, raw.labels(), raw.classNames());
  }

  private static Shape chw(Shape shape) {
    int[] d = shape.dims();
    if (d.length == 4) {
      d = Arrays.copyOfRange(d, 1, 4);
    }
    if (d.length != 3 || d[0] <= 0 || d[1] <= 0 || d[2] <= 0) {
      throw new MrtException("image shape must be (C, H, W) or (N, C, H, W) with positive C, H, W, got " + shape);
    }
    return Shape.of(d);
  }

  private static Path mnistDir(DatasetSpec spec) {
    return spec.dir().orElseGet(() -> Zoo.root().resolve("data").resolve("mnist"));
  }

  private static Path fashionDir(DatasetSpec spec) {
    Path dir = spec.dir().orElse(FASHION_MNIST_DIR);
    if (!Files.isDirectory(dir)) {
      throw new MrtException("Fashion-MNIST not found: " + dir + " does not exist. It comes from the Debian package "
          + "dataset-fashion-mnist: install it with `apt-get install dataset-fashion-mnist`, or set Dataset_dir to "
          + "a directory holding the four Fashion-MNIST IDX files");
    }
    return dir;
  }

  private static Path existing(DatasetSpec spec, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MrtException("dataset " + spec.kind().configName() + ": directory " + dir + " does not exist");
    }
    return dir;
  }

  /** {@code <dir>/<split>}; the other split, when present, must have the same classes or labels would differ. */
  private static RawImages imageFolder(Path dir, String split, Shape chw) {
    Path splitDir = dir.resolve(split);
    RawImages raw = ImageFolder.read(splitDir, chw);
    Path other = dir.resolve(split.equals("train") ? "test" : "train");
    if (Files.isDirectory(other)) {
      List<String> otherClasses = ImageFolder.classNames(other);
      if (!otherClasses.equals(raw.classNames())) {
        throw new MrtException(dir + ": " + split + "/ has classes " + raw.classNames() + " but " + other.getFileName()
            + "/ has " + otherClasses + "; both splits need the same class subdirectories so labels agree");
      }
    }
    return raw;
  }
}
