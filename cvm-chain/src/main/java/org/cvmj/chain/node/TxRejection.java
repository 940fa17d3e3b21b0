package org.cvmj.chain.node;

import org.cvmj.chain.tx.InvalidTransactionException;

/**
 * geth's wording for a transaction the node will not take, so that clients which match on geth's error texts
 * (ethers, web3j, Hardhat plugins) recognise them: the text starts with geth's sentinel ({@code nonce too low},
 * {@code insufficient funds for gas * price + value}, {@code intrinsic gas too low}, ...) and may go on after a
 * colon with the details.
 */
final class TxRejection {
  private TxRejection() {}

  /** geth's sentinel text for {@code reason}. */
  static String sentinel(InvalidTransactionException.Reason reason) {
    return switch (reason) {
      case MALFORMED, FIELD_OVERFLOW, WRONG_LENGTH -> "rlp";
      case TYPE_NOT_SUPPORTED -> "transaction type not supported";
      case WRONG_CHAIN_ID -> "invalid chain id for signer";
      case INVALID_SIGNATURE -> "invalid sender";
      case NONCE_TOO_BIG, SENDER_NONCE_MAX -> "nonce has max value";
      case PRIORITY_FEE_ABOVE_MAX_FEE -> "max priority fee per gas higher than max fee per gas";
      case FEE_PRODUCT_OVERFLOW -> "gas * gas price overflows 256 bits";
      case INTRINSIC_GAS_TOO_LOW -> "intrinsic gas too low";
      case INITCODE_TOO_LARGE -> "max initcode size exceeded";
      case NONCE_MISMATCH -> "nonce too low";
      case SENDER_NOT_EOA -> "sender not an eoa";
      case GAS_ABOVE_BLOCK_LIMIT -> "exceeds block gas limit";
      case FEE_BELOW_BASE_FEE -> "max fee per gas less than block base fee";
      case INSUFFICIENT_FUNDS -> "insufficient funds for gas * price + value";
      case INVALID_BLOBS -> "blob transactions are not supported";
    };
  }

  /** {@code sentinel: details}, where the details are this node's explanation of the failed rule. */
  static String message(InvalidTransactionException e) {
    return sentinel(e.reason()) + ": " + details(e);
  }

  private static String details(InvalidTransactionException e) {
    String m = e.getMessage();
    String prefix = e.reason() + ": ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }
}
