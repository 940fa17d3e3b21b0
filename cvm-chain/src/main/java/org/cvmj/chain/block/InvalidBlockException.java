package org.cvmj.chain.block;

/** A header that may not follow its parent on this chain; the message names the rule and both values. */
public final class InvalidBlockException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidBlockException(String message) {
    super(message);
  }
}
