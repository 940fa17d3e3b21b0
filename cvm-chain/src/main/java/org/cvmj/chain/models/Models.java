package org.cvmj.chain.models;

import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.SystemContract;
import org.cvmj.chain.evm.SystemContracts;
import org.cvmj.chain.evm.WorldState;
import org.cvmj.cvm.model.ModelException;

/**
 * The node's models: the chain's {@link ModelRules} and the caches of loaded models and results, which live as
 * long as the node. {@link #forExecution} gives the system contracts for one block (or one call) over that
 * block's blob overlay; {@link #infer} runs a model off chain through the same checks and caches.
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

  /**
   * Runs {@code input} through the model at {@code model} off chain ({@code cvm_infer}), in {@code state} taken as
   * the state of block {@code number}, exactly as an {@code eth_call} of {@code infer(model, input)} at that block
   * would: the same checks in the same order with the same reasons, the same output bytes, the same caches. It
   * neither charges nor counts anything, so a model with a fee runs too (as it does in such an eth_call), and
   * nothing is written to {@code state}.
   *
   * @throws InferenceRefused with the precompile's revert reason (unknown, uploading, rejected or immature model,
   *     wrong input length, a failure inside the runtime)
   */
  public Inference infer(WorldState state, BlobStore blobs, long number, Address model, byte[] input)
      throws InferenceRefused {
    RegistryStorage storage = new RegistryStorage(state);
    ModelRecord record = storage.read(model).orElse(null);
    String refusal = ModelRunner.refusal(record, model, number, input.length);
    if (refusal != null) {
      throw new InferenceRefused(refusal);
    }
    try {
      byte[] output = new ModelRunner(blobs, cache).run(storage, record, input);
      return new Inference(output, ModelRunner.gas(record, input.length));
    } catch (ModelException e) {
      throw new InferenceRefused(ModelRunner.failure(model, e));
    }
  }
}
