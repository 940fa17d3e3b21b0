package org.cvmj.chain.evm;

/** The transaction cannot be included in a block at all (wrong nonce, unaffordable, ...); state is unchanged. */
public final class InvalidTransactionException extends RuntimeException {
  public InvalidTransactionException(String message) {
    super(message);
  }
}
