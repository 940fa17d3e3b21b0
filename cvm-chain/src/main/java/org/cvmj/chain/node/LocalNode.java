package org.cvmj.chain.node;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.chain.ChainException;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.db.ChainDatabase;
import org.cvmj.chain.db.ChainDatabaseException;
import org.cvmj.chain.rpc.RpcMethods;
import org.cvmj.chain.rpc.RpcServer;

/**
 * A running dev node: the chain database in a data directory, the {@link Chain} over it (dev genesis with
 * {@link Genesis#DEV_ACCOUNTS} funded dev accounts), a {@link DevNode} and the HTTP JSON-RPC server in front of
 * it. {@code cvm-chain node --dev} starts one; tests start one the same way. {@link #close} stops the server,
 * then mining, then closes the database, so that a restart on the same directory continues from the same head.
 */
public final class LocalNode implements AutoCloseable {
  /**
   * What to start.
   *
   * @param dataDir where the chain database lives (created when missing)
   * @param host the interface the RPC server binds ({@code 127.0.0.1} unless the user asks otherwise)
   * @param port the RPC port; 0 picks a free one ({@link #url()} tells which)
   * @param chainId the dev chain's id
   * @param blockTimeSeconds 0 to mine each transaction at once, otherwise seconds between blocks
   */
  public record Settings(Path dataDir, String host, int port, long chainId, long blockTimeSeconds) {
    public static Settings dev(Path dataDir) {
      return new Settings(dataDir, RpcServer.DEFAULT_HOST, 8545, Genesis.DEV_CHAIN_ID, 0);
    }

    public Settings withPort(int newPort) {
      return new Settings(dataDir, host, newPort, chainId, blockTimeSeconds);
    }
  }

  private final ChainDatabase db;
  private final DevNode node;
  private final RpcServer server;
  private boolean closed;

  private LocalNode(ChainDatabase db, DevNode node, RpcServer server) {
    this.db = db;
    this.node = node;
    this.server = server;
  }

  /**
   * Opens (or creates) the chain in {@code settings.dataDir()} and starts serving. Fails with the database's
   * error (another process holds the directory, another chain's data), the chain's (another genesis) or the
   * server's ({@link java.net.BindException} when the port is taken); nothing is left open on failure.
   */
  public static LocalNode start(Settings settings) throws ChainDatabaseException, ChainException, IOException {
    ChainDatabase db = ChainDatabase.open(settings.dataDir(), BigInteger.valueOf(settings.chainId()));
    DevNode node = null;
    try {
      Chain chain = Chain.open(db, Genesis.dev(settings.chainId(), Genesis.DEV_ACCOUNTS));
      node = new DevNode(chain, () -> System.currentTimeMillis() / 1000, settings.blockTimeSeconds());
      RpcServer server = RpcServer.start(RpcMethods.standard(node),
          RpcServer.Options.defaults().withHost(settings.host()).withPort(settings.port()));
      return new LocalNode(db, node, server);
    } catch (ChainException | IOException | RuntimeException e) {
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

  /** The RPC endpoint URL: the HTTP scheme, the bound host and the bound port. */
  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** Stops serving (letting running requests finish), stops mining and closes the database; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.close();
    node.close();
    db.close();
  }
}
