package org.cvmj.chain.statetest;

import java.util.Optional;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.InMemoryWorldState;
import org.cvmj.chain.evm.TransactionExecutor;
import org.cvmj.chain.evm.TransactionRequest;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.state.LogsHash;
import org.cvmj.chain.state.StateRoot;
import org.cvmj.chain.tx.InvalidTransactionException;

/**
 * Runs one post case of a state test: builds the pre-state, executes the transaction, and compares the state
 * root and logs hash (or the rejection) with the fixture.
 */
public final class StateTestRunner {
  private StateTestRunner() {}

  /** Empty when the case passes; otherwise what differs, in one line. */
  public static Optional<String> run(StateTest test, PostCase c) {
    InMemoryWorldState state = new InMemoryWorldState();
    test.pre().forEach(a -> state.withAccount(a.address(), a.balance(), a.nonce(), a.code(), a.storage()));
    boolean expectRejection = !c.expectException().isEmpty();
    TransactionResult result;
    try {
      TransactionRequest request = test.transaction().request(c);
      result = TransactionExecutor.execute(state, test.block(), request);
    } catch (InvalidTransactionException e) {
      if (!expectRejection) {
        return Optional.of("rejected (" + e.getMessage() + "), but the fixture expects it to run");
      }
      return compareRoot(state, c);
    }
    if (expectRejection) {
      return Optional.of("accepted, but the fixture expects the exception " + c.expectException());
    }
    Optional<String> root = compareRoot(state, c);
    if (root.isPresent()) {
      return Optional.of(root.get() + " (" + result.status() + (result.haltReason() == null ? ""
          : " " + result.haltReason()) + ", gas used " + result.gasUsed() + ")");
    }
    Hash logs = LogsHash.of(result.logs());
    if (!logs.equals(c.logsHash())) {
      return Optional.of("logs hash " + logs + ", expected " + c.logsHash());
    }
    return Optional.empty();
  }

  private static Optional<String> compareRoot(InMemoryWorldState state, PostCase c) {
    Hash root = StateRoot.of(state);
    return root.equals(c.stateRoot()) ? Optional.empty()
        : Optional.of("state root " + root + ", expected " + c.stateRoot());
  }
}
