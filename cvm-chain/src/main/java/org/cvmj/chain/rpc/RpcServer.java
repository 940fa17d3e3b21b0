package org.cvmj.chain.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ethereum JSON-RPC 2.0 over HTTP on the JDK's {@link HttpServer}, serving every path. It binds to
 * {@code 127.0.0.1} unless told otherwise; port 0 picks a free port ({@link #port()} says which).
 *
 * <p>HTTP rules, each answered with a JSON-RPC error body (id null) so a client always gets JSON:
 * <ul>
 *   <li>a method other than POST: 405 with {@code Allow: POST}, error -32600;
 *   <li>a {@code Content-Type} other than {@code application/json} (parameters such as charset allowed): 415,
 *       error -32600;
 *   <li>a body over {@link ServerOptions#maxRequestBytes()} (by {@code Content-Length} or while reading): 413, error
 *       -32600 {@code request body too large};
 *   <li>otherwise 200 with the {@link RpcDispatcher}'s answer, or 200 with an empty body when the request was
 *       only notifications (as geth does).
 * </ul>
 * Requests run on a bounded pool of {@link ServerOptions#threads()} {@link DeepStackThreads} with a queue of
 * {@link ServerOptions#queueLength()}; when both are full the accepting thread waits for room, which slows accepting
 * new connections (back-pressure) rather than dropping them. It never runs a request itself: its stack is too
 * small for deeply nested EVM calls.
 */
public final class RpcServer implements AutoCloseable {

  static {
    // Without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK and each keep-alive
    // request waits tens of milliseconds. The JDK reads this once, when its first server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }


  private final HttpServer http;
  private final ThreadPoolExecutor pool;
  private final RpcDispatcher dispatcher;
  private final ServerOptions options;
  private final Object lock = new Object();
  private int inFlight;
  private boolean closing;

  private RpcServer(HttpServer http, ThreadPoolExecutor pool, RpcDispatcher dispatcher, ServerOptions options) {
    this.http = http;
    this.pool = pool;
    this.dispatcher = dispatcher;
    this.options = options;
  }

  /** Binds and starts serving {@code methods}. */
  public static RpcServer start(RpcMethods methods, ServerOptions options) throws IOException {
    if (options.maxRequestBytes() < 1 || options.threads() < 1 || options.queueLength() < 1) {
      throw new IllegalArgumentException("maxRequestBytes, threads and queueLength must be positive: " + options);
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
    ThreadPoolExecutor pool = DeepStackThreads.pool("rpc", options.threads(), options.queueLength());
    RpcServer server = new RpcServer(http, pool, new RpcDispatcher(methods), options);
    http.createContext("/", server::exchange);
    http.setExecutor(pool);
    http.start();
    return server;
  }

  /** The bound port (the chosen one when the options said 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  public String host() {
    return http.getAddress().getHostString();
  }

  /** The endpoint URL: the HTTP scheme, the bound host and port, path "/". */
  public String url() {
    return "http://" + host() + ":" + port() + "/";
  }

  /**
   * Graceful stop: requests arriving from now on get 503 with a -32000 {@code server is shutting down} error,
   * running ones get up to {@link ServerOptions#closeGraceSeconds()} to finish, then the listener and threads stop.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closing = true;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.closeGraceSeconds());
      try {
        for (long left; inFlight > 0 && (left = deadline - System.nanoTime()) > 0; ) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    http.stop(0);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(options.closeGraceSeconds(), TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void exchange(HttpExchange ex) {
    boolean counted;
    synchronized (lock) {
      counted = !closing;
      if (counted) {
        inFlight++;
      }
    }
    try (ex) {
      try {
        if (!counted) {
          reply(ex, 503, RpcDispatcher.errorBytes(RpcException.SERVER_ERROR, "server is shutting down"));
          return;
        }
        serve(ex);
      } catch (IOException e) {
        // the client went away mid-exchange; nothing to answer
      } catch (RuntimeException e) {
        reply(ex, 500, RpcDispatcher.errorBytes(RpcException.INTERNAL_ERROR, "internal error"));
      }
    } catch (IOException ignored) {
      // nothing more can be said to a client whose connection failed
    } finally {
      synchronized (lock) {
        if (counted) {
          inFlight--;
          lock.notifyAll();
        }
      }
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", "POST");
      reply(ex, 405, RpcDispatcher.errorBytes(RpcException.INVALID_REQUEST,
          "method not allowed: JSON-RPC requests are HTTP POST"));
      return;
    }
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      reply(ex, 415, RpcDispatcher.errorBytes(RpcException.INVALID_REQUEST,
          "invalid content type, only application/json is supported"));
      return;
    }
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        declared = -1;
      }
      if (declared > options.maxRequestBytes()) {
        tooLarge(ex);
        return;
      }
    }
    byte[] body = readAtMost(ex.getRequestBody(), options.maxRequestBytes());
    if (body == null) {
      tooLarge(ex);
      return;
    }
    Optional<byte[]> response = dispatcher.handle(body);
    reply(ex, 200, response.orElse(new byte[0]));
  }

  private void tooLarge(HttpExchange ex) throws IOException {
    reply(ex, 413, RpcDispatcher.errorBytes(RpcException.INVALID_REQUEST,
        "request body too large: the limit is " + options.maxRequestBytes() + " bytes"));
  }

  /** The whole stream, or null when it is longer than {@code limit}. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] all = in.readNBytes(limit);
    if (all.length == limit && in.read() != -1) {
      return null;
    }
    return all;
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
