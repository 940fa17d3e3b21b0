package org.cvmj.mrt.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.mrt.MrtException;

/**
 * The model zoo of a CVM-J checkout ({@code model-zoo/}: configs in {@code model_zoo/}, data in {@code data/},
 * trained models in {@code models/}), located by the system property {@code mrt.zoo}.
 */
public final class Zoo {
  public static final String PROPERTY = "mrt.zoo";

  private Zoo() {}

  /** The zoo directory named by {@code -Dmrt.zoo}. */
  public static Path root() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      throw new MrtException("the system property " + PROPERTY + " is not set; it names the model-zoo directory "
          + "of a CVM-J checkout (bin/mrt sets it; otherwise run java with -D" + PROPERTY + "=<checkout>/model-zoo)");
    }
    Path root = Path.of(value);
    if (!Files.isDirectory(root)) {
      throw new MrtException(PROPERTY + "=" + value + " is not a directory");
    }
    return root;
  }

  /**
   * A config path as the user typed it: an existing file is used as is; otherwise {@code model_zoo/<name>}
   * (how MRT's own commands name configs) is looked up in the zoo, so it works from any directory.
   */
  public static Path resolveConfig(String arg) {
    Path given = Path.of(arg);
    if (Files.exists(given)) {
      return given;
    }
    String normalized = arg.replace('\\', '/');
    if (normalized.startsWith("model_zoo/")) {
      Path inZoo = root().resolve(normalized);
      if (Files.exists(inZoo)) {
        return inZoo;
      }
      throw new MrtException("config " + arg + " not found, neither in the current directory nor as " + inZoo);
    }
    throw new MrtException("config " + arg + " not found");
  }
}
