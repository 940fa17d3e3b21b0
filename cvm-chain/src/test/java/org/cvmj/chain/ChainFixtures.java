package org.cvmj.chain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/fixtures/ethereum-tests}. Tests that need it are skipped, with the reason shown in
 * the report, when it is absent; CI has it.
 */
public final class ChainFixtures {
  private ChainFixtures() {}

  /** A directory under ethereum-tests, e.g. {@code "TrieTests"}. */
  public static Path ethereumTests(String relative) {
    Path root = root();
    Path dir = root == null ? null : root.resolve("ethereum-tests").resolve(relative);
    assumeTrue(dir != null && Files.exists(dir), "SKIPPED: fixture ethereum-tests/" + relative
        + " not found (set -Dcvmj.fixtures or check out shared/ beside the repository)");
    return dir;
  }

  private static Path root() {
    String prop = System.getProperty("cvmj.fixtures");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
