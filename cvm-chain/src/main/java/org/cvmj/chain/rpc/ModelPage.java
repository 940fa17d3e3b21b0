package org.cvmj.chain.rpc;

import java.util.List;
import org.cvmj.chain.models.ModelRecord;

/**
 * One page of the registry's models as of a block, for {@code cvm_listModels}.
 *
 * @param blockNumber the block the request selected (it decides which models are callable)
 * @param total how many models are registered at that block
 * @param offset how many models come before this page
 * @param models the page, in registration order
 */
public record ModelPage(long blockNumber, long total, long offset, List<ModelRecord> models) {
  public ModelPage {
    models = List.copyOf(models);
  }
}
