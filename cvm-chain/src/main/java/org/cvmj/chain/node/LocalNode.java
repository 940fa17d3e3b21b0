package org.cvmj.chain.node;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.chain.ChainException;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.db.ChainDatabase;
import org.cvmj.chain.db.ChainDatabaseException;
import java.util.List;
import org.cvmj.chain.rpc.FilterTable;
import org.cvmj.chain.rpc.RpcMethods;
import org.cvmj.chain.rpc.RpcServer;
import org.cvmj.chain.rpc.ServerOptions;
import org.cvmj.chain.rpc.Subscriptions;
import org.cvmj.chain.rpc.WsRpcServer;

/**
 * A running dev node: the chain database in a data directory, the {@link Chain} over it (dev genesis with
 * {@link Genesis#DEV_ACCOUNTS} funded dev accounts), a {@link DevNode}, and in front of it the JSON-RPC servers
 * over HTTP ({@link RpcServer}) and WebSocket ({@link WsRpcServer}, which adds {@code eth_subscribe}) sharing one
 * method table. {@code cvm-chain node --dev} starts one; tests start one the same way. {@link #close} stops the
 * servers, then mining, then closes the database, so that a restart on the same directory continues from the
 * same head.
 */
public final class LocalNode implements AutoCloseable {
  /**
   * What to start.
   *
   * @param dataDir where the chain database lives (created when missing)
   * @param host the interface both RPC servers bind ({@code 127.0.0.1} unless the user asks otherwise)
   * @param port the HTTP JSON-RPC port; 0 picks a free one ({@link #url()} tells which)
   * @param wsPort the WebSocket JSON-RPC port; 0 picks a free one ({@link #wsUrl()} tells which)
   * @param chainId the dev chain's id
   * @param blockTimeSeconds 0 to mine each transaction at once, otherwise seconds between blocks
   */
  public record Settings(Path dataDir, String host, int port, int wsPort, long chainId, long blockTimeSeconds) {
    /** HTTP on 8545 and WebSocket on 8546 of {@code 127.0.0.1}, as Ethereum clients do; automine. */
    public static Settings dev(Path dataDir) {
      return new Settings(dataDir, ServerOptions.DEFAULT_HOST, 8545, 8546, Genesis.DEV_CHAIN_ID, 0);
    }

    /**
     * The HTTP port; 0 (any free port) sets the WebSocket port to 0 as well, so that a node started for a test
     * never collides with another on the default WebSocket port. {@link #withPorts} sets both.
     */
    public Settings withPort(int newPort) {
      return new Settings(dataDir, host, newPort, newPort == 0 ? 0 : wsPort, chainId, blockTimeSeconds);
    }

    public Settings withPorts(int httpPort, int newWsPort) {
      return new Settings(dataDir, host, httpPort, newWsPort, chainId, blockTimeSeconds);
    }

    public Settings withBlockTime(long seconds) {
      return new Settings(dataDir, host, port, wsPort, chainId, seconds);
    }
  }

  private final ChainDatabase db;
  private final DevNode node;
  private final RpcServer server;
  private final WsRpcServer wsServer;
  private final Subscriptions subscriptions;
  private boolean closed;

  private LocalNode(ChainDatabase db, DevNode node, RpcServer server, WsRpcServer wsServer,
      Subscriptions subscriptions) {
    this.db = db;
    this.node = node;
    this.server = server;
    this.wsServer = wsServer;
    this.subscriptions = subscriptions;
  }

  /**
   * Opens (or creates) the chain in {@code settings.dataDir()} and starts serving. Fails with the database's
   * error (another process holds the directory, another chain's data), the chain's (another genesis) or a
   * server's ({@link java.net.BindException} when a port is taken); nothing is left open on failure.
   */
  public static LocalNode start(Settings settings) throws ChainDatabaseException, ChainException, IOException {
    ChainDatabase db = ChainDatabase.open(settings.dataDir(), BigInteger.valueOf(settings.chainId()));
    DevNode node = null;
    RpcServer server = null;
    try {
      Chain chain = Chain.open(db, Genesis.dev(settings.chainId(), Genesis.DEV_ACCOUNTS));
      node = new DevNode(chain, () -> System.currentTimeMillis() / 1000, settings.blockTimeSeconds());
      Subscriptions subscriptions = new Subscriptions();
      node.addListener(subscriptions);
      FilterTable filters = new FilterTable(node);
      node.addListener(filters);
      RpcMethods methods = RpcMethods.standard(node, filters, subscriptions, List.of());
      server = RpcServer.start(methods,
          ServerOptions.http().withHost(settings.host()).withPort(settings.port()));
      WsRpcServer ws = WsRpcServer.start(methods, subscriptions,
          ServerOptions.webSocket().withHost(settings.host()).withPort(settings.wsPort()));
      return new LocalNode(db, node, server, ws, subscriptions);
    } catch (ChainException | IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      if (node != null) {
        node.close();
      }
      db.close();
      throw e;
    }
  }

  public DevNode node() {
    return node;
  }

  /** The HTTP RPC endpoint URL: the HTTP scheme, the bound host and the bound port. */
  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** The WebSocket RPC endpoint URL: the WebSocket scheme, the bound host and the bound port. */
  public String wsUrl() {
    return wsServer.url();
  }

  public int wsPort() {
    return wsServer.port();
  }

  /** The WebSocket subscriptions (for tests and monitoring). */
  public Subscriptions subscriptions() {
    return subscriptions;
  }

  /**
   * Stops serving (WebSocket, then HTTP, letting running requests finish), stops mining and closes the
   * database; idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    wsServer.close();
    server.close();
    node.removeListener(subscriptions);
    node.close();
    db.close();
  }
}
