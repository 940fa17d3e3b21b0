package org.cvmj.chain.rpc;

import java.util.List;
import java.util.OptionalLong;

/**
 * The Hardhat/Ganache development methods: {@code evm_mine} (optional timestamp; answers {@code "0x0"}),
 * {@code evm_snapshot} (a QUANTITY id), {@code evm_revert} (true, or false for an unknown id; blocks mined since
 * the snapshot are discarded, see {@link NodeBackend#revert}) and
 * {@code evm_increaseTime} (seconds as a number or QUANTITY; answers the total offset in seconds as a number, as
 * Ganache does).
 */
public final class EvmDevMethods {
  private final NodeBackend node;

  public EvmDevMethods(NodeBackend node) {
    this.node = node;
  }

  public List<RpcMethod> methods() {
    return List.of(
        RpcMethod.of("evm_mine", a -> {
          node.mine(a.has(0) ? OptionalLong.of(a.get(0, Long.class)) : OptionalLong.empty());
          return EthJson.quantity(0);
        }, RpcMethod.optional("timestamp", ParamType.LONG_HEX_OR_DECIMAL)),
        RpcMethod.of("evm_snapshot", a -> EthJson.quantity(node.snapshot())),
        RpcMethod.of("evm_revert", a -> EthJson.F.booleanNode(node.revert(a.get(0, Long.class))),
            RpcMethod.required("snapshotId", ParamType.LONG_HEX_OR_DECIMAL)),
        RpcMethod.of("evm_increaseTime", a -> EthJson.F.numberNode(node.increaseTime(a.get(0, Long.class))),
            RpcMethod.required("seconds", ParamType.LONG_HEX_OR_DECIMAL)));
  }
}
