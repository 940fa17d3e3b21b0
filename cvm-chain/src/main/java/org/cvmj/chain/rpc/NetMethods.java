package org.cvmj.chain.rpc;

import java.util.List;

/** The {@code net_*} methods: {@code net_version} is the chain id in decimal; a dev node has no peers. */
public final class NetMethods {
  private final NodeBackend node;

  public NetMethods(NodeBackend node) {
    this.node = node;
  }

  public List<RpcMethod> methods() {
    return List.of(
        RpcMethod.of("net_version", a -> EthJson.F.textNode(Long.toString(node.chainId()))),
        RpcMethod.of("net_listening", a -> EthJson.F.booleanNode(true)),
        RpcMethod.of("net_peerCount", a -> EthJson.quantity(0)));
  }
}
