package org.cvmj.chain.rpc;

import java.util.List;

/**
 * {@code eth_subscribe} and {@code eth_unsubscribe} over {@link Subscriptions}. They need a connection that can
 * carry notifications (WebSocket); over HTTP they answer geth's error -32601 {@code notifications not supported}.
 *
 * <ul>
 *   <li>{@code eth_subscribe("newHeads")}: a subscription id; more parameters are an error.
 *   <li>{@code eth_subscribe("logs", {address?, topics?})}: a subscription id; the criteria are those of
 *       {@code eth_getLogs} ({@code address} one or an array, {@code topics} up to four positions with
 *       alternatives); {@code fromBlock}, {@code toBlock} and {@code blockHash} are refused, since a
 *       subscription follows new blocks only.
 *   <li>any other kind: -32601 {@code no "X" subscription in eth namespace}, as geth says.
 *   <li>{@code eth_unsubscribe(id)}: true; -32000 {@code subscription not found} for an id this connection does
 *       not hold.
 * </ul>
 */
public final class SubscriptionMethods {
  private final Subscriptions subscriptions;

  public SubscriptionMethods(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  public List<RpcMethod> methods() {
    return List.of(
        RpcMethod.of("eth_subscribe", this::subscribe, RpcMethod.required("kind", ParamType.STRING),
            RpcMethod.optional("criteria", ParamType.SUBSCRIPTION_FILTER)),
        RpcMethod.of("eth_unsubscribe", this::unsubscribe,
            RpcMethod.required("subscriptionId", ParamType.STRING)));
  }

  private com.fasterxml.jackson.databind.JsonNode subscribe(RpcMethod.Args a) {
    Subscriber subscriber = a.context().subscriber().orElseThrow(RpcException::notificationsNotSupported);
    String kind = a.get(0, String.class);
    String id = switch (kind) {
      case "newHeads" -> {
        if (a.has(1)) {
          throw RpcException.invalidParams("too many arguments, want at most 1 (newHeads takes no criteria)");
        }
        yield subscriptions.subscribeNewHeads(subscriber);
      }
      case "logs" -> subscriptions.subscribeLogs(subscriber,
          a.getOr(1, LogFilter.class, new LogFilter(null, null, null, List.of(), List.of())));
      default -> throw new RpcException(RpcException.METHOD_NOT_FOUND, "no \"" + kind
          + "\" subscription in eth namespace");
    };
    a.context().afterReply(() -> subscriptions.activate(subscriber, id));
    return EthJson.F.textNode(id);
  }

  private com.fasterxml.jackson.databind.JsonNode unsubscribe(RpcMethod.Args a) {
    Subscriber subscriber = a.context().subscriber().orElseThrow(RpcException::notificationsNotSupported);
    if (!subscriptions.unsubscribe(subscriber, a.get(0, String.class))) {
      throw RpcException.serverError("subscription not found");
    }
    return EthJson.F.booleanNode(true);
  }
}
