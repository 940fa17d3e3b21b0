package org.cvmj.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/cvm-chain node --dev} as a child process on free loopback ports, its RPC URL read from the banner it
 * prints. Closing it kills it (SIGKILL): the node is built to survive that, and a test never leaves it running.
 */
final class NodeProcess implements AutoCloseable {
  private static final Pattern URL_LINE = Pattern.compile("HTTP JSON-RPC server started at (\\S+)");
  /** A hang guard for the start (JVM, RocksDB, genesis), not a measurement. */
  private static final long START_LIMIT_MILLIS = 120_000;

  private final Launcher.Running child;
  private final String url;

  private NodeProcess(Launcher.Running child, String url) {
    this.child = child;
    this.url = url;
  }

  /**
   * Starts a node on {@code dataDir} (created or reopened); {@code blockTime} 0 mines each transaction at once,
   * otherwise a block every that many seconds. Its output goes to files in {@code workDir}.
   */
  static NodeProcess start(Path workDir, Path dataDir, long blockTime) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("node", "--dev", "--http-port", "0", "--ws-port", "0",
        "--datadir", dataDir.toString()));
    if (blockTime > 0) {
      args.addAll(List.of("--block-time", Long.toString(blockTime)));
    }
    String tag = "node-" + System.nanoTime();
    Launcher.Running child = Launcher.start(workDir, tag, "cvm-chain", args.toArray(String[]::new));
    try {
      Path out = workDir.resolve(tag + ".out");
      long deadline = System.nanoTime() + START_LIMIT_MILLIS * 1_000_000;
      while (true) {
        Matcher m = URL_LINE.matcher(Files.readString(out, StandardCharsets.UTF_8));
        if (m.find()) {
          String url = m.group(1);
          if (!url.startsWith("http://127.0.0.1:")) {
            throw new AssertionError("the node must listen on loopback only, it printed " + url);
          }
          return new NodeProcess(child, url);
        }
        if (!child.process.isAlive() || System.nanoTime() - deadline > 0) {
          throw new AssertionError("the node printed no RPC URL (" + (child.process.isAlive() ? "still running"
              : "exit " + child.process.exitValue()) + "); stderr:\n" + child.err());
        }
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      child.close();
      throw e;
    }
  }

  String url() {
    return url;
  }

  /** SIGKILL, as a crash or power loss would end it; returns the exit status. */
  int kill() throws InterruptedException {
    return child.kill();
  }

  @Override
  public void close() throws InterruptedException {
    child.close();
  }
}
