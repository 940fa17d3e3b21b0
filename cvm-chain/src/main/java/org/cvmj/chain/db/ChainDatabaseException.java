package org.cvmj.chain.db;

/** A chain database that cannot be opened, read or written; {@link #reason()} says what kind of problem. */
public final class ChainDatabaseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The directory holds another chain's database (different chain id). */
    WRONG_CHAIN,
    /** The directory was written by another schema version of this software, or is not a cvm-chain database. */
    INCOMPATIBLE,
    /** A record is missing or does not decode: the database is damaged. */
    CORRUPT,
    /** The block does not extend the stored head, or its receipts or trie nodes do not match it. */
    INVALID_WRITE,
    /** RocksDB failed (disk full, permissions, the directory locked by another process). */
    STORAGE
  }

  private final Reason reason;

  public ChainDatabaseException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ChainDatabaseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
