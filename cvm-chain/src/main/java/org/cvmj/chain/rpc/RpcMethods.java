package org.cvmj.chain.rpc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one table from method name to {@link RpcMethod}. The standard table is built from one class per namespace,
 * each listing its methods by name: {@link EthMethods} ({@code eth_*}, including the filter methods over
 * {@link FilterTable}), {@link NetMethods} ({@code net_*}), {@link Web3Methods} ({@code web3_*}) and
 * {@link EvmDevMethods} ({@code evm_*}, the Hardhat/Ganache development methods), {@link CvmMethods}
 * ({@code cvm_*}: models, upload progress, rewards, off-chain inference) and {@link SubscriptionMethods}
 * ({@code eth_subscribe}, {@code eth_unsubscribe}; WebSocket only). Further methods are added by passing them
 * to {@link #standard} or {@link #of}.
 */
public final class RpcMethods {
  private final Map<String, RpcMethod> byName;

  private RpcMethods(Map<String, RpcMethod> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** A table of the given methods; a name given twice is an error. */
  public static RpcMethods of(Collection<RpcMethod> methods) {
    Map<String, RpcMethod> map = new TreeMap<>();
    for (RpcMethod m : methods) {
      if (map.put(m.name(), m) != null) {
        throw new IllegalArgumentException("RPC method " + m.name() + " is defined twice");
      }
    }
    return new RpcMethods(map);
  }

  /**
   * The Ethereum, net, web3, evm_* development and cvm_* methods over {@code backend}, the subscription methods over
   * {@code subscriptions} (which the node must feed with its {@link ChainEvent}s), plus {@code extra}.
   */
  public static RpcMethods standard(NodeBackend backend, FilterTable filters, Subscriptions subscriptions,
      Collection<RpcMethod> extra) {
    List<RpcMethod> all = new ArrayList<>();
    all.addAll(new EthMethods(backend, filters).methods());
    all.addAll(new SubscriptionMethods(subscriptions).methods());
    all.addAll(new NetMethods(backend).methods());
    all.addAll(new Web3Methods(backend).methods());
    all.addAll(new EvmDevMethods(backend).methods());
    all.addAll(new CvmMethods(backend).methods());
    all.addAll(extra);
    return of(all);
  }

  /** The standard table with a subscription hub of its own that nothing feeds (for tests of plain methods). */
  public static RpcMethods standard(NodeBackend backend) {
    return standard(backend, new FilterTable(backend), new Subscriptions(), List.of());
  }

  public Optional<RpcMethod> lookup(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every method name, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
