package org.cvmj.chain.rpc;

/**
 * The client end of a connection that can carry notifications (a WebSocket); {@link Subscriptions} write to it.
 * Implementations must be safe to call from any thread and must never wait for the client.
 */
public interface Subscriber {

  /** Queues a text message for the client and returns at once; does nothing when the connection is closed. */
  void send(String message);

  /** How many messages are queued for this client and not yet written to its socket. */
  int backlog();

  /** Closes the connection, telling the client why. */
  void disconnect(String reason);
}
