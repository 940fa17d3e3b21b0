package org.cvmj.chain.chain;

/** A chain operation that cannot be done; {@link #reason()} says what kind of problem. */
public final class ChainException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The database holds a chain whose block 0 is not this genesis (or another chain id). */
    GENESIS_MISMATCH,
    /** No canonical block with the requested number or hash. */
    UNKNOWN_BLOCK,
    /** A block parameter the caller chose is not allowed (for example a timestamp not after the parent's). */
    INVALID_BLOCK,
    /** Gas estimation found no gas limit up to the cap under which the call succeeds. */
    EXECUTION_FAILED,
    /** The database failed to read or write. */
    DATABASE
  }

  private final Reason reason;

  public ChainException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ChainException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
