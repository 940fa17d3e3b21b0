package org.cvmj.chain.models;

import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.SystemContract;
import org.cvmj.chain.evm.SystemContracts;
import org.cvmj.chain.evm.WorldState;

/**
 * The node's models: the chain's {@link ModelRules} and the caches of loaded models and results, which live as
 * long as the node. {@link #forExecution} gives the system contracts for one block (or one call) over that
 * block's blob overlay.
 */
public final class Models {
  private final ModelRules rules;
  private final LoadedModels cache = new LoadedModels();

  public Models(ModelRules rules) {
    this.rules = rules;
  }

  public ModelRules rules() {
    return rules;
  }

  /** The registry and infer precompile over {@code blobs}, and the author-fee accounting, for the executor. */
  public SystemContracts forExecution(BlobStore blobs) {
    Map<Address, SystemContract> contracts = Map.of(
        SystemAddresses.REGISTRY, new RegistryContract(blobs, rules, cache),
        SystemAddresses.INFER, new InferPrecompile(blobs, cache));
    return new SystemContracts() {
      @Override
      public Map<Address, SystemContract> contracts() {
        return contracts;
      }

      @Override
      public long redirectedGas(WorldState state) {
        return FeeAccounting.paidFeeGas(state);
      }
    };
  }
}
