package org.cvmj.chain.rpc;

import java.util.List;
import org.cvmj.chain.crypto.Keccak256;

/** The {@code web3_*} methods. */
public final class Web3Methods {
  private final NodeBackend node;

  public Web3Methods(NodeBackend node) {
    this.node = node;
  }

  public List<RpcMethod> methods() {
    return List.of(
        RpcMethod.of("web3_clientVersion", a -> EthJson.F.textNode(node.clientVersion())),
        RpcMethod.of("web3_sha3", a -> EthJson.data(Keccak256.digest(a.get(0, byte[].class))),
            RpcMethod.required("data", ParamType.DATA)));
  }
}
