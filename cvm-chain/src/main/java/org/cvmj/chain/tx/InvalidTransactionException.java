package org.cvmj.chain.tx;

/**
 * A transaction that cannot be included in a block: it cannot be decoded, breaks a rule that holds on its own
 * ({@link TransactionRules}), or breaks a rule against the state and block it would run in (the EVM's
 * {@code TransactionExecutor}: nonce, balance, base fee, blob limits). One type for all of them, because a
 * caller (the mempool, the block builder, a conformance runner) handles them alike: the transaction is dropped
 * and the state is untouched. {@link #reason()} says which rule failed.
 */
public final class InvalidTransactionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The rule a transaction broke. */
  public enum Reason {
    /** Not canonical RLP, wrong number of fields, a list where a string belongs, leading zeros, trailing bytes. */
    MALFORMED,
    /** An envelope type other than legacy, 1 or 2 (or a byte string where a legacy list belongs). */
    TYPE_NOT_SUPPORTED,
    /** A field longer than its type allows: nonce or gas limit over 64 bits, a value or fee over 256 bits. */
    FIELD_OVERFLOW,
    /** A recipient or access-list address that is not 20 bytes, or a storage key that is not 32. */
    WRONG_LENGTH,
    /** The chain id (or, for legacy transactions, v) does not name this chain. */
    WRONG_CHAIN_ID,
    /** r, s or the y parity is out of range, s is high (EIP-2), or no public key can be recovered. */
    INVALID_SIGNATURE,
    /** A nonce of 2^64 - 1 (EIP-2681). */
    NONCE_TOO_BIG,
    /** Max priority fee above max fee (EIP-1559). */
    PRIORITY_FEE_ABOVE_MAX_FEE,
    /** Gas limit times gas price (or max fee) does not fit 256 bits. */
    FEE_PRODUCT_OVERFLOW,
    /** Gas limit below the intrinsic gas. */
    INTRINSIC_GAS_TOO_LOW,
    /** Contract creation with more than 49152 bytes of initcode (EIP-3860). */
    INITCODE_TOO_LARGE,
    // ---- rules against the state and the block (checked by the EVM's TransactionExecutor) ----
    /** The nonce is not the sender's current nonce. */
    NONCE_MISMATCH,
    /** The sender's nonce is 2^64 - 1, so it can send nothing more (EIP-2681). */
    SENDER_NONCE_MAX,
    /** The sender has code: only externally owned accounts send transactions (EIP-3607). */
    SENDER_NOT_EOA,
    /** The gas limit exceeds the block's gas limit. */
    GAS_ABOVE_BLOCK_LIMIT,
    /** Max fee per gas below the block's base fee, or max fee per blob gas below the blob base fee. */
    FEE_BELOW_BASE_FEE,
    /** The sender cannot pay gas limit times max fee plus value plus the blob fee. */
    INSUFFICIENT_FUNDS,
    /** A blob transaction that creates a contract, carries no blob or too many, or a hash that is not KZG's. */
    INVALID_BLOBS
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public InvalidTransactionException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
