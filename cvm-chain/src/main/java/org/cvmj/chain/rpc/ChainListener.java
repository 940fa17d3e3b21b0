package org.cvmj.chain.rpc;

/**
 * Receives a node's {@link ChainEvent}s: the WebSocket {@link Subscriptions} do, and so can any other consumer of
 * new blocks (a polling filter table, a block explorer).
 *
 * <p>The node calls {@link #onChainEvent} on the thread that changed the chain, before any later block can be
 * produced; so an implementation must only take note (copy, enqueue) and return at once, never wait for a
 * client. An exception it throws is ignored by the node: block production never depends on a listener.
 */
@FunctionalInterface
public interface ChainListener {
  void onChainEvent(ChainEvent event);
}
