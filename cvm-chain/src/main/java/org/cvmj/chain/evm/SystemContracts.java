package org.cvmj.chain.evm;

import java.util.Map;
import org.cvmj.chain.crypto.Address;

/**
 * The system contracts a chain adds to the EVM for one transaction, and the one thing the transaction executor
 * must ask them at the end: how much of the gas used was earned by third parties (model authors), so that it is
 * paid neither to the block producer nor burnt.
 */
public interface SystemContracts {
  /** No system contracts: plain Ethereum (conformance tests, tools). */
  SystemContracts NONE = new SystemContracts() {
    @Override
    public Map<Address, SystemContract> contracts() {
      return Map.of();
    }

    @Override
    public long redirectedGas(WorldState state) {
      return 0;
    }
  };

  /** The contracts by address; their addresses start warm in every transaction, like precompiles. */
  Map<Address, SystemContract> contracts();

  /**
   * Gas of the running transaction already paid to someone other than the block producer, read after the
   * transaction's top frame has finished and before its transient storage is cleared; 0 when that frame failed.
   */
  long redirectedGas(WorldState state);
}
