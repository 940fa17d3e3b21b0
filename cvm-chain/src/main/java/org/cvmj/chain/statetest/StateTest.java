package org.cvmj.chain.statetest;

import java.util.List;
import org.cvmj.chain.evm.BlockContext;

/**
 * One named test of a GeneralStateTests file: the pre-state, the block it runs in, the transaction template and
 * the expected outcomes under the fork the runner targets.
 */
public record StateTest(String name, List<PreAccount> pre, BlockContext block, TransactionTemplate transaction,
    List<PostCase> posts) {
  public StateTest {
    pre = List.copyOf(pre);
    posts = List.copyOf(posts);
  }
}
