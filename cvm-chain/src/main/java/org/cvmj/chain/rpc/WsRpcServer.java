package org.cvmj.chain.rpc;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Ethereum JSON-RPC 2.0 over WebSocket, on Java-WebSocket's {@link WebSocketServer}: every text (or binary)
 * message is one request body for the same {@link RpcDispatcher} as HTTP (single requests and batches alike),
 * answered with one text message, plus {@code eth_subscribe}/{@code eth_unsubscribe}, whose notifications
 * {@link Subscriptions} sends on the connection. It binds to {@code 127.0.0.1} unless told otherwise; port 0
 * picks a free port ({@link #port()} says which).
 *
 * <ul>
 *   <li>A message (or a fragmented message in total) over {@link ServerOptions#maxRequestBytes()}: the connection is
 *       closed with code 1009 (message too big) and the reason {@code message too big: the limit is N bytes},
 *       as geth closes on its read limit; other connections are unaffected.
 *   <li>Text that is not valid UTF-8: closed with 1007, by the WebSocket protocol's rules.
 *   <li>Anything else, however malformed as JSON-RPC, gets the dispatcher's JSON-RPC error.
 *   <li>When the connection closes, its subscriptions end.
 * </ul>
 *
 * Requests run on {@link ServerOptions#threads()} {@link DeepStackThreads}, not on the library's socket threads, so
 * that deep EVM calls have stack and a slow request does not stall reading other connections; responses on one
 * connection may therefore come in another order than the requests (clients match them by id).
 */
public final class WsRpcServer implements AutoCloseable {


  private final Endpoint endpoint;
  private final ThreadPoolExecutor pool;
  private final ServerOptions options;
  private boolean closed;

  private WsRpcServer(Endpoint endpoint, ThreadPoolExecutor pool, ServerOptions options) {
    this.endpoint = endpoint;
    this.pool = pool;
    this.options = options;
  }

  /**
   * Binds and starts serving {@code methods}, with {@code subscriptions} told when a connection closes. Fails
   * with the bind error ({@link BindException} when the port is taken); nothing is left running then.
   */
  public static WsRpcServer start(RpcMethods methods, Subscriptions subscriptions, ServerOptions options)
      throws IOException {
    if (options.maxRequestBytes() < 1 || options.threads() < 1 || options.queueLength() < 1) {
      throw new IllegalArgumentException("maxRequestBytes, threads and queueLength must be positive: " + options);
    }
    ThreadPoolExecutor pool = DeepStackThreads.pool("ws-rpc", options.threads(), options.queueLength());
    Endpoint endpoint = new Endpoint(new InetSocketAddress(options.host(), options.port()),
        new RpcDispatcher(methods), subscriptions, pool, options.maxRequestBytes());
    endpoint.start();
    try {
      if (!endpoint.started.await(30, TimeUnit.SECONDS)) {
        throw new IOException("the WebSocket server on " + options.host() + ":" + options.port()
            + " did not start within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the WebSocket server", e);
    } catch (IOException e) {
      stopQuietly(endpoint, pool);
      throw e;
    }
    if (endpoint.startFailure != null) {
      stopQuietly(endpoint, pool);
      Exception f = endpoint.startFailure;
      if (f instanceof IOException io) {
        BindException b = new BindException("cannot listen for WebSocket on " + options.host() + ":"
            + options.port() + ": " + io.getMessage());
        b.initCause(io);
        throw b;
      }
      throw new IOException("cannot start the WebSocket server on " + options.host() + ":" + options.port()
          + ": " + f, f);
    }
    return new WsRpcServer(endpoint, pool, options);
  }

  private static void stopQuietly(Endpoint endpoint, ThreadPoolExecutor pool) {
    try {
      endpoint.stop(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
  }

  /** The bound port (the chosen one when the options said 0). */
  public int port() {
    return endpoint.boundPort;
  }

  public String host() {
    return endpoint.getAddress().getHostString();
  }

  /** The endpoint URL: the WebSocket scheme, the bound host and port. */
  public String url() {
    return "ws://" + host() + ":" + port();
  }

  /** Open connections. */
  public int connections() {
    return endpoint.getConnections().size();
  }

  /**
   * Stops accepting, lets running requests finish for up to {@link ServerOptions#closeGraceSeconds()}, then closes
   * every connection with code 1001 (going away), which ends their subscriptions; idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(options.closeGraceSeconds(), TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
      endpoint.stop((int) TimeUnit.SECONDS.toMillis(options.closeGraceSeconds()), "server is shutting down");
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** One WebSocket connection as a {@link Subscriber}. */
  private record Connection(WebSocket socket) implements Subscriber {
    @Override
    public void send(String message) {
      if (socket.isOpen()) {
        try {
          socket.send(message);
        } catch (RuntimeException closedMeanwhile) {
          // the connection closed between the check and the send; its subscriptions are ended by onClose
        }
      }
    }

    @Override
    public int backlog() {
      return socket instanceof WebSocketImpl impl ? impl.outQueue.size() : 0;
    }

    @Override
    public void disconnect(String reason) {
      socket.close(CloseFrame.POLICY_VALIDATION, reason);
    }
  }

  /**
   * The standard protocol with a message size limit whose close reason says what the limit is (the library's
   * own says nothing for a fragmented message over it).
   */
  private static final class LimitedDraft extends Draft_6455 {
    private final int limit;

    LimitedDraft(int limit) {
      super(List.of(), limit);
      this.limit = limit;
    }

    @Override
    public Draft copyInstance() {
      return new LimitedDraft(limit);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
      try {
        return super.translateFrame(buffer);
      } catch (LimitExceededException e) {
        throw tooBig();
      }
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
      try {
        super.processFrame(socket, frame);
      } catch (LimitExceededException e) {
        throw tooBig();
      }
    }

    private LimitExceededException tooBig() {
      return new LimitExceededException("message too big: the limit is " + limit + " bytes", limit);
    }
  }

  /** The library's server, handing every message to the pool. */
  private static final class Endpoint extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    volatile Exception startFailure;
    volatile int boundPort;
    private final RpcDispatcher dispatcher;
    private final Subscriptions subscriptions;
    private final ThreadPoolExecutor pool;

    Endpoint(InetSocketAddress address, RpcDispatcher dispatcher, Subscriptions subscriptions,
        ThreadPoolExecutor pool, int maxMessageBytes) {
      super(address, 1, List.of(new LimitedDraft(maxMessageBytes)));
      this.dispatcher = dispatcher;
      this.subscriptions = subscriptions;
      this.pool = pool;
      setReuseAddr(true);
      setDaemon(true);
    }

    @Override
    public void onStart() {
      boundPort = getPort();
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      socket.setAttachment(new Connection(socket));
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      Connection c = socket.getAttachment();
      if (c != null) {
        subscriptions.closed(c);
      }
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
      submit(socket, message.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
      byte[] body = new byte[message.remaining()];
      message.get(body);
      submit(socket, body);
    }

    private void submit(WebSocket socket, byte[] body) {
      Connection c = socket.getAttachment();
      try {
        pool.execute(() -> serve(c, body));
      } catch (RejectedExecutionException shuttingDown) {
        c.send(new String(RpcDispatcher.errorBytes(RpcException.SERVER_ERROR, "server is shutting down"),
            StandardCharsets.UTF_8));
      }
    }

    private void serve(Connection c, byte[] body) {
      CallContext context = CallContext.of(c);
      Optional<byte[]> response;
      try {
        response = dispatcher.handle(body, context);
      } catch (RuntimeException | StackOverflowError e) {
        // the dispatcher answers every failure itself; this is a last guard so that the worker survives
        response = Optional.of(RpcDispatcher.errorBytes(RpcException.INTERNAL_ERROR, "internal error"));
      }
      response.ifPresent(r -> c.send(new String(r, StandardCharsets.UTF_8)));
      context.replied();
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
      if (socket == null && started.getCount() > 0) {
        startFailure = e; // the server could not bind; it stops by itself
        started.countDown();
      }
      // an error on one connection closes that connection; the library does that and calls onClose
    }
  }
}
