package org.cvmj.chain.rpc;

import org.cvmj.chain.models.ModelRecord;

/**
 * A registered model as of a block, for {@code cvm_getModel}.
 *
 * @param model the registry's record in the state after block {@code blockNumber}
 * @param blockNumber the block the request selected
 */
public record ModelView(ModelRecord model, long blockNumber) {
  /** Whether an {@code eth_call} (or {@code cvm_infer}) at this block may call the model. */
  public boolean callable() {
    return model.callableAt(blockNumber);
  }
}
