package org.cvmj.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout under test: its launchers in {@code bin/} and the packaged jars they run, and the models the tests
 * upload. The launchers need {@code mvn package}; without it every test here skips, saying what to run.
 */
final class Repo {
  /** The MNIST zoo model that cvm-chain's own tests register: symbol, params, ext.json and a digit in data.npy. */
  static final Path MNIST = root().resolve("cvm-chain/src/test/resources/org/cvmj/chain/models/mnist");

  private Repo() {}

  /** The repository root: Maven passes it (tests/..); an IDE run from tests/ finds it as the parent directory. */
  static Path root() {
    String given = System.getProperty("cvmj.root");
    return (given != null ? Path.of(given) : Path.of("..")).toAbsolutePath().normalize();
  }

  /** {@code bin/NAME}. */
  static Path launcher(String name) {
    return root().resolve("bin").resolve(name);
  }

  /**
   * Skips the calling test unless every launcher's jar and its {@code target/lib} exist. A stale jar from an older
   * build would still run, so the reactor build (`mvn verify`) packages the modules before this one's tests.
   */
  static void assumeLaunchersBuilt() {
    assumeTrue(launchersBuilt(), () -> missing() + " is missing, so bin/ cannot run; build the launchers first:"
        + " mvn -DskipTests package (then run these tests with mvn -pl tests verify)");
  }

  /** Whether {@link #assumeLaunchersBuilt} would pass; a class's shared setup does nothing when not. */
  static boolean launchersBuilt() {
    return missing().isEmpty();
  }

  /** The first launcher jar or lib folder that is missing, or "". */
  private static String missing() {
    for (String module : new String[] {"cvm-runtime", "cvm-chain", "uploader"}) {
      Path target = root().resolve(module).resolve("target");
      if (!Files.isRegularFile(target.resolve(module + ".jar"))) {
        return module + "/target/" + module + ".jar";
      }
      if (!Files.isDirectory(target.resolve("lib"))) {
        return module + "/target/lib";
      }
    }
    return "";
  }
}
