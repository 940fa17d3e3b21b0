package org.cvmj.chain.chain;

import java.util.List;
import org.cvmj.chain.block.Block;

/** A block {@link Chain#produceBlock} wrote, the transactions it includes, and those it left out. */
public record ProducedBlock(Block block, List<IncludedTransaction> included, List<RejectedTransaction> rejected) {
  public ProducedBlock {
    included = List.copyOf(included);
    rejected = List.copyOf(rejected);
  }
}
