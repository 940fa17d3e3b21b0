package org.cvmj.chain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cvmj.chain.chain.DevAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cvm-chain node --dev} run in-process on port 0, as the launcher runs it, stopped through its latch. */
class NodeCommandTest {
  static final String STARTED = "HTTP JSON-RPC server started at ";
  static final String WS_STARTED = "WebSocket JSON-RPC server started at ";

  @TempDir
  Path dir;

  @Test
  void startsPrintsAccountsAndUrlServesAndStops() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    CommandLine cl = ChainCli.commandLine(stop);
    PipedInputStream pipe = new PipedInputStream(1 << 16);
    PrintWriter out = new PrintWriter(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    cl.setOut(out);
    cl.setErr(new PrintWriter(err, true));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = runner.submit(() -> cl.execute("node", "--dev", "--http-port", "0", "--ws-port", "0",
          "--datadir", dir.toString()));
      BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
      StringBuilder banner = new StringBuilder();
      String url = null;
      String wsUrl = null;
      for (String line; wsUrl == null && (line = lines.readLine()) != null; ) {
        banner.append(line).append('\n');
        if (line.startsWith(STARTED)) {
          url = line.substring(STARTED.length());
        }
        if (line.startsWith(WS_STARTED)) {
          wsUrl = line.substring(WS_STARTED.length());
        }
      }
      String text = banner.toString();
      assertTrue(url != null && url.startsWith("http://127.0.0.1:"), text + err);
      assertTrue(text.contains("Account #0: " + DevAccounts.address(0).toChecksumHex() + " (1000000 ETH)\n"
          + "Private Key: 0x" + String.format("%064x", DevAccounts.privateKey(0)) + "\n"), text);
      assertTrue(text.contains("Account #9: " + DevAccounts.address(9).toChecksumHex()), text);
      assertTrue(wsUrl != null && wsUrl.startsWith("ws://127.0.0.1:"), text + err);
      assertFalse(wsUrl.endsWith(":0") || wsUrl.endsWith(":8546"), wsUrl); // port 0: a free port was chosen
      assertTrue(text.contains("chain id 1337"), text);

      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x539\"}", r.body());
      CompletableFuture<String> wsAnswer = new CompletableFuture<>();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(wsUrl),
          new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
              wsAnswer.complete(data.toString());
              return null;
            }
          }).get(30, TimeUnit.SECONDS);
      ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"eth_chainId\",\"params\":[]}", true);
      assertEquals("{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":\"0x539\"}", wsAnswer.get(30, TimeUnit.SECONDS));
      ws.abort();

      stop.countDown();
      assertEquals(0, exit.get(60, TimeUnit.SECONDS));
      out.close(); // the command has returned: end the pipe so the rest can be read to its end
      String rest = new String(pipe.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(rest.contains("Stopped; the chain is in " + dir), rest);
    } finally {
      stop.countDown();
      runner.shutdownNow();
    }
  }

  @Test
  void withoutDevItIsAUsageError() {
    CommandLine cl = ChainCli.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    assertEquals(2, cl.execute("node", "--datadir", dir.toString()));
    assertTrue(err.toString().contains("Missing required option: '--dev'"), err.toString());
  }

  @Test
  void badWebSocketPortsAreUsageErrors() {
    for (String[] args : new String[][] {
        {"--ws-port", "70000", "--ws-port must be 0 to 65535, got 70000"},
        {"--ws-port", "9000", "--http-port and --ws-port must differ (both are 9000)"}}) {
      CommandLine cl = ChainCli.commandLine(new CountDownLatch(0));
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err, true));
      cl.setOut(new PrintWriter(new StringWriter(), true));
      assertEquals(2, cl.execute("node", "--dev", "--http-port", "9000", args[0], args[1], "--datadir",
          dir.resolve("never-created").toString()));
      assertTrue(err.toString().contains(args[2]), err.toString());
    }
  }

  @Test
  void aSecondNodeOnTheSameDataDirectoryFailsWithAMessage() throws Exception {
    try (org.cvmj.chain.node.LocalNode first = org.cvmj.chain.node.LocalNode.start(
        org.cvmj.chain.node.LocalNode.Settings.dev(dir).withPort(0))) {
      CommandLine cl = ChainCli.commandLine(new CountDownLatch(0));
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err, true));
      cl.setOut(new PrintWriter(new StringWriter(), true));
      assertEquals(ChainCli.ERROR, cl.execute("node", "--dev", "--http-port", "0", "--datadir", dir.toString()));
      assertTrue(err.toString().startsWith("cvm-chain: "), err.toString());
      assertTrue(!err.toString().contains("internal error"), err.toString());
    }
  }
}
