package org.cvmj.chain.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where one request body (a single request or a batch) came from, for the few methods that care: the
 * {@link Subscriber} of a WebSocket connection ({@code eth_subscribe} needs one; HTTP has none, see
 * {@link #NONE}), and actions to run once the response has been handed to the transport. The latter is how a new
 * subscription starts delivering only after the client has its id: notifications for blocks produced in between
 * are held and sent right after the response.
 */
public final class CallContext {
  /** A request over a transport without notifications (HTTP). */
  public static final CallContext NONE = new CallContext(null);

  private final Subscriber subscriber;
  private final List<Runnable> afterReply = new ArrayList<>();

  private CallContext(Subscriber subscriber) {
    this.subscriber = subscriber;
  }

  /** The context of a request that arrived on {@code subscriber}'s connection. */
  public static CallContext of(Subscriber subscriber) {
    return new CallContext(subscriber);
  }

  public Optional<Subscriber> subscriber() {
    return Optional.ofNullable(subscriber);
  }

  /** Runs {@code action} when the transport calls {@link #replied()}. */
  synchronized void afterReply(Runnable action) {
    if (subscriber == null) {
      throw new IllegalStateException("a request without a connection has nothing to do after its reply");
    }
    afterReply.add(action);
  }

  /** The transport has queued the response (or there was none to send): runs the deferred actions in order. */
  public void replied() {
    List<Runnable> actions;
    synchronized (this) {
      actions = List.copyOf(afterReply);
      afterReply.clear();
    }
    actions.forEach(Runnable::run);
  }
}
