package org.cvmj.uploader.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * A JSON-RPC connection to a node (web3j over HTTP), turning every way a request can fail into a
 * {@link NodeException} that names the node: unreachable, an HTTP error, or an error answer.
 */
public final class Rpc implements AutoCloseable {
  /** The local dev node, as {@code cvm-chain node --dev} starts it. */
  public static final String DEFAULT_URL = "http://127.0.0.1:8545";

  private final String url;
  private final HttpService service;
  private final Web3j web3j;

  private Rpc(String url, HttpService service) {
    this.url = url;
    this.service = service;
    this.web3j = Web3j.build(service);
  }

  /** A client of {@code url} (http or https); nothing is sent until the first request. */
  public static Rpc connect(String url) throws InvalidInputException {
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new InvalidInputException("--rpc " + url + " is not an http:// or https:// URL");
      }
    } catch (URISyntaxException e) {
      throw new InvalidInputException("--rpc " + url + " is not a URL: " + e.getMessage());
    }
    return new Rpc(url, new HttpService(url));
  }

  public String url() {
    return url;
  }

  public Web3j web3j() {
    return web3j;
  }

  /** Sends {@code request}; {@code what} names it in errors. */
  public <T extends Response<?>> T send(Request<?, T> request, String what) throws NodeException {
    T response;
    try {
      response = request.send();
    } catch (IOException | ClientConnectionException e) {
      throw unreachable(e);
    }
    if (response.hasError()) {
      throw new NodeException("the node at " + url + " answered " + what + " with error "
          + response.getError().getCode() + ": " + response.getError().getMessage());
    }
    return response;
  }

  /** The error for a failed connection, with what the user can do about it. */
  NodeException unreachable(Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new NodeException("cannot reach the node at " + url + " (" + detail + "); start a dev node with"
        + " `bin/cvm-chain node --dev` or pass --rpc URL", e);
  }

  public long chainId() throws NodeException {
    return send(web3j.ethChainId(), "eth_chainId").getChainId().longValueExact();
  }

  public long blockNumber() throws NodeException {
    return send(web3j.ethBlockNumber(), "eth_blockNumber").getBlockNumber().longValueExact();
  }

  /** The next nonce of {@code address}, counting transactions still in the pool. */
  public BigInteger pendingNonce(String address) throws NodeException {
    return send(web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING), "eth_getTransactionCount")
        .getTransactionCount();
  }

  /** The base fee of the latest block (zero on a chain without EIP-1559). */
  public BigInteger baseFee() throws NodeException {
    EthBlock.Block b = send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
        "eth_getBlockByNumber").getBlock();
    if (b == null) {
      throw new NodeException("the node at " + url + " has no latest block");
    }
    return b.getBaseFeePerGasRaw() == null ? BigInteger.ZERO : b.getBaseFeePerGas();
  }

  /** The node's suggested priority fee per gas. */
  public BigInteger priorityFee() throws NodeException {
    return send(web3j.ethMaxPriorityFeePerGas(), "eth_maxPriorityFeePerGas").getMaxPriorityFeePerGas();
  }

  /**
   * Asks a dev node for one empty block ({@code evm_mine}, as cvm-chain, Hardhat and Ganache dev nodes offer), for
   * waiting on block-based rules such as a model's maturity without sending transactions.
   */
  public void mineDevBlock() throws NodeException {
    send(new Request<>("evm_mine", List.of(), service, VoidResponse.class), "evm_mine");
  }

  /** A request of a method web3j has no call for (the node's {@code cvm_*} methods), answered as {@code type}. */
  public <T extends Response<?>> Request<?, T> request(String method, List<?> params, Class<T> type) {
    return new Request<>(method, params, service, type);
  }

  /** Waits {@code d} between two polls of a node; an interrupt ends the wait as an error. */
  public static void pause(java.time.Duration d) throws NodeException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeException("interrupted while waiting for the node", e);
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
