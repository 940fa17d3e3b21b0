package org.cvmj.chain.rpc;

import java.util.List;

/**
 * A change of a node's canonical chain, as its {@link ChainListener}s see it. Events arrive in chain order: the
 * node publishes each one while it still holds the lock under which it changed the chain.
 */
public sealed interface ChainEvent {

  /** A block was added on top of the head; {@code logs} are all of its logs, in order. */
  record NewBlock(BlockView block, List<LogView> logs) implements ChainEvent {
    public NewBlock {
      logs = List.copyOf(logs);
    }
  }

  /**
   * The chain was rewound ({@code evm_revert}) so that block {@code headNumber} is the head again;
   * {@code removedLogs} are the logs of the discarded blocks in chain order, each marked {@code removed}.
   */
  record Rewound(long headNumber, List<LogView> removedLogs) implements ChainEvent {
    public Rewound {
      removedLogs = List.copyOf(removedLogs);
    }
  }
}
