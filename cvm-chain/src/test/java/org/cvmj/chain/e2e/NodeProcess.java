package org.cvmj.chain.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvmj.chain.cli.ChainCli;

/**
 * {@code cvm-chain node --dev --http-port 0} in a JVM of its own, launched the way {@code bin/cvm-chain} does (the
 * {@link ChainCli} main class, this test's classpath). Its RPC URL is read from the banner it prints.
 */
final class NodeProcess implements AutoCloseable {
  /** The banner line with the RPC endpoint. */
  private static final Pattern URL_LINE = Pattern.compile("HTTP JSON-RPC server started at (\\S+)");
  /** A hang guard for the start (JVM, RocksDB, genesis), not a measurement. */
  private static final long START_LIMIT_SECONDS = 120;

  private final Process process;
  private final Path stderr;
  private final String url;

  private NodeProcess(Process process, Path stderr, String url) {
    this.process = process;
    this.stderr = stderr;
    this.url = url;
  }

  static NodeProcess start(Path dataDir, Path stderr) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ChainCli.class.getName(), "node", "--dev",
        "--http-port", "0", "--datadir", dataDir.toString());
    pb.redirectError(stderr.toFile());
    Process process = pb.start();
    try {
      // A reader thread drains stdout for the process's whole life, so the node never blocks on a full pipe.
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread drain = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException closed) {
          // the process is gone
        }
        lines.add("");
      }, "node-stdout");
      drain.setDaemon(true);
      drain.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
      while (true) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null || (line.isEmpty() && !process.isAlive())) {
          throw new AssertionError("the node printed no RPC URL" + (process.isAlive() ? " in "
              + START_LIMIT_SECONDS + " s" : "; it exited with " + process.waitFor()) + "; stderr: "
              + Files.readString(stderr));
        }
        Matcher m = URL_LINE.matcher(line);
        if (m.find()) {
          return new NodeProcess(process, stderr, m.group(1));
        }
      }
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      process.destroyForcibly();
      process.waitFor();
      throw e;
    }
  }

  String url() {
    return url;
  }

  /** SIGKILL, as a crash or power loss would end it; returns the exit status. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
