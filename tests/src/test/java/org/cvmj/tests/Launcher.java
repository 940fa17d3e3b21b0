package org.cvmj.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a launcher of {@code bin/} as a user does: its own process, started from a working directory of the test's,
 * stdout and stderr to files (so that a chatty child can never block on a full pipe). Every child is ended by the
 * test that started it, whatever happens.
 */
final class Launcher {
  /** A hang guard for one command (JVM start, an upload, a wait for maturity), never a measurement. */
  static final long LIMIT_SECONDS = 300;

  private Launcher() {}

  /** A launcher running in the background. */
  static final class Running implements AutoCloseable {
    final Process process;
    private final Path out;
    private final Path err;

    private Running(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    /** What it has written to stderr so far. */
    String err() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits for it to end (killing it after {@link #LIMIT_SECONDS}) and returns what it printed. */
    Outcome await() throws IOException, InterruptedException {
      if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        close();
        throw new AssertionError(process.info().commandLine().orElse("a launcher") + " did not finish in "
            + LIMIT_SECONDS + " s; stderr:\n" + err());
      }
      return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), err());
    }

    /** SIGKILL (Process.destroyForcibly on Unix), as {@code kill -9} would; returns the exit status. */
    int kill() throws InterruptedException {
      process.destroyForcibly();
      return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        kill();
      }
    }
  }

  /** Starts {@code bin/name args...} in {@code workDir}; its output goes to files named after {@code tag} there. */
  static Running start(Path workDir, String tag, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Repo.launcher(name).toString());
    command.addAll(List.of(args));
    Files.createDirectories(workDir);
    Path out = workDir.resolve(tag + ".out");
    Path err = workDir.resolve(tag + ".err");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Running(pb.start(), out, err);
  }

  /** Runs {@code bin/name args...} in {@code workDir} to its end. */
  static Outcome run(Path workDir, String name, String... args) throws IOException, InterruptedException {
    try (Running r = start(workDir, name + "-" + System.nanoTime(), name, args)) {
      return r.await();
    }
  }
}
