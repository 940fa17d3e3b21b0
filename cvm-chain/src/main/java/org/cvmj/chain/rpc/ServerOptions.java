package org.cvmj.chain.rpc;

/**
 * Settings of a JSON-RPC server, HTTP ({@link RpcServer}) or WebSocket ({@link WsRpcServer}).
 *
 * @param host the interface to bind; {@code 127.0.0.1} by default
 * @param port 0 for any free port; 8545 for HTTP and 8546 for WebSocket by default, as Ethereum clients use
 * @param maxRequestBytes the largest request (HTTP body or WebSocket message) accepted; 5 MiB by default,
 *     geth's limit
 * @param threads request handler threads
 * @param queueLength requests waiting for a thread before the server stops reading from clients (back-pressure)
 * @param closeGraceSeconds how long closing the server lets running requests finish
 */
public record ServerOptions(
    String host, int port, int maxRequestBytes, int threads, int queueLength, int closeGraceSeconds) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static ServerOptions http() {
    return new ServerOptions(DEFAULT_HOST, 8545, 5 * 1024 * 1024, 4, 256, 2);
  }

  public static ServerOptions webSocket() {
    return http().withPort(8546);
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(host, newPort, maxRequestBytes, threads, queueLength, closeGraceSeconds);
  }

  public ServerOptions withHost(String newHost) {
    return new ServerOptions(newHost, port, maxRequestBytes, threads, queueLength, closeGraceSeconds);
  }

  public ServerOptions withMaxRequestBytes(int bytes) {
    return new ServerOptions(host, port, bytes, threads, queueLength, closeGraceSeconds);
  }

  public ServerOptions withThreads(int n) {
    return new ServerOptions(host, port, maxRequestBytes, n, queueLength, closeGraceSeconds);
  }
}
