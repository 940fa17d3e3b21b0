package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the guest with its build.sh (tests run in the module directory) and runs the native build.
 * Tests that need a compiler are skipped, visibly, where it is not installed.
 */
final class GuestBuild {
  static final Path SOURCES = Path.of("src/main/c/guest");
  private static Path nativeBinary;

  private GuestBuild() {}

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Builds {@code mips} or {@code native} into {@code out}. */
  static void build(String target, Path out) throws IOException, InterruptedException {
    Result r = exec(List.of("sh", SOURCES.resolve("build.sh").toString(), target, out.toAbsolutePath().toString()));
    if (r.code != 0) {
      throw new AssertionError("build.sh " + target + " failed: " + r.stderr);
    }
  }

  /** The native build, compiled once per test run. */
  static synchronized Path nativeGuest() throws IOException, InterruptedException {
    assumeTrue(onPath("gcc"), "SKIPPED: gcc not found; the native guest build needs it (Debian gcc)");
    if (nativeBinary == null) {
      Path dir = Files.createTempDirectory("cvm-guest");
      dir.toFile().deleteOnExit();
      Path bin = dir.resolve("cvm-guest-native");
      build("native", bin);
      bin.toFile().deleteOnExit();
      nativeBinary = bin;
    }
    return nativeBinary;
  }

  record Result(int code, byte[] output, String stderr) {}

  /** Runs the native guest on a plan and an input; the output file's bytes, or what it printed on failure. */
  static Result runNative(byte[] plan, byte[] input) throws IOException, InterruptedException {
    Path bin = nativeGuest();
    Path dir = Files.createTempDirectory("cvm-guest-run");
    try {
      Path planFile = Files.write(dir.resolve("plan"), plan);
      Path inputFile = Files.write(dir.resolve("input"), input);
      Path outFile = dir.resolve("output");
      Result r = exec(List.of(bin.toString(), planFile.toString(), inputFile.toString(), outFile.toString()));
      byte[] out = Files.exists(outFile) ? Files.readAllBytes(outFile) : new byte[0];
      return new Result(r.code, out, r.stderr);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static Result exec(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] err = p.getErrorStream().readAllBytes();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish");
    }
    return new Result(p.exitValue(), new byte[0], new String(err, StandardCharsets.UTF_8));
  }
}
