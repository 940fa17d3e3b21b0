package org.cvmj.chain.chain;

import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.InvalidTransactionException;
import org.cvmj.chain.tx.Transaction;

/** A transaction a block left out because it broke a validity rule; {@code message} says which and why. */
public record RejectedTransaction(Transaction transaction, Hash hash, InvalidTransactionException.Reason reason,
    String message) {}
