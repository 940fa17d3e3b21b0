package org.cvmj.chain.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.cvmj.chain.ChainFixtures;
import org.junit.jupiter.api.Test;

/**
 * Runs every Cancun post case of every category of ethereum/tests GeneralStateTests and compares state roots,
 * logs hashes and rejections. The only failures allowed are those listed in docs/conformance.md under "Known
 * failures", and each of them must still fail (a fixed case must leave the list).
 *
 * <p>VMTests/vmPerformance (loops of millions of iterations) runs only with -Dcvmj.gst.performance=true;
 * -Dcvmj.gst.filter=TEXT restricts the run to files whose path contains TEXT.
 */
class GeneralStateTestsTest {
  private static final boolean PERFORMANCE = Boolean.getBoolean("cvmj.gst.performance");
  private static final String FILTER = System.getProperty("cvmj.gst.filter", "");

  @Test
  void everyCancunCaseMatchesTheFixtures() throws Exception {
    Path root = ChainFixtures.ethereumTests("GeneralStateTests");
    Predicate<Path> include = p -> p.toString().contains(FILTER)
        && (PERFORMANCE || !p.toString().contains("vmPerformance"));
    ConformanceReport report = Conformance.run(List.of(root), include, f -> { });
    System.out.println("GeneralStateTests (" + Conformance.FORK + "): " + report.summary()
        + (PERFORMANCE ? "" : " (vmPerformance excluded; -Dcvmj.gst.performance=true runs it)"));
    report.failures().forEach(f -> System.out.println(f.line()));
    TreeSet<String> failing = new TreeSet<>();
    report.failures().forEach(f -> failing.add(f.file() + " " + f.caseName()));
    TreeSet<String> known = new TreeSet<>(knownFailures());
    if (!FILTER.isEmpty()) {
      known.removeIf(k -> !k.contains(FILTER));
    }
    assertEquals(known, failing, "failing cases differ from docs/conformance.md's known failures");
  }

  /** The cases docs/conformance.md lists as known failures: lines "- `FILE TEST dNgNvN`: reason". */
  static List<String> knownFailures() throws IOException {
    Path doc = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null && doc == null; p = p.getParent()) {
      Path candidate = p.resolve("docs/conformance.md");
      if (Files.isRegularFile(candidate)) {
        doc = candidate;
      }
    }
    if (doc == null) {
      throw new IOException("docs/conformance.md not found above " + Path.of("").toAbsolutePath());
    }
    return Files.readAllLines(doc, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("- `") && l.indexOf('`', 3) > 0)
        .map(l -> l.substring(3, l.indexOf('`', 3)))
        .toList();
  }
}
