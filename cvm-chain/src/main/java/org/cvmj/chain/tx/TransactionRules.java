package org.cvmj.chain.tx;

import static org.cvmj.chain.tx.InvalidTransactionException.Reason.FEE_PRODUCT_OVERFLOW;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INITCODE_TOO_LARGE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INTRINSIC_GAS_TOO_LOW;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INVALID_SIGNATURE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.NONCE_TOO_BIG;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.PRIORITY_FEE_ABOVE_MAX_FEE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.WRONG_CHAIN_ID;

import java.math.BigInteger;
import org.cvmj.chain.crypto.Address;

/**
 * The validity rules a transaction must meet on its own, without the state (Cancun): the chain id, the
 * signature, EIP-2681's nonce limit, the EIP-1559 fee relation, gas limit times fee within 256 bits, the intrinsic
 * gas, and EIP-3860's initcode limit. Balance and nonce against the account are the state's business.
 */
public final class TransactionRules {
  private static final BigInteger V27 = BigInteger.valueOf(27);
  private static final BigInteger V28 = BigInteger.valueOf(28);

  private TransactionRules() {}

  /**
   * Checks {@code tx} for a chain with id {@code chainId} and returns its sender. Legacy transactions without
   * a chain id (v = 27 or 28) are accepted, as on Ethereum.
   */
  public static Address validate(Transaction tx, long chainId) throws InvalidTransactionException {
    checkChainId(tx, chainId);
    if (tx.type() != TxType.LEGACY && tx.v().compareTo(BigInteger.ONE) > 0) {
      throw new InvalidTransactionException(INVALID_SIGNATURE, "y parity must be 0 or 1, got " + tx.v());
    }
    Address sender = tx.sender();
    if (tx.nonce() == -1L) {
      throw new InvalidTransactionException(NONCE_TOO_BIG, "nonce 2^64-1 is reserved (EIP-2681); no account can"
          + " reach it");
    }
    if (tx.gasTipCap().compareTo(tx.gasFeeCap()) > 0) {
      throw new InvalidTransactionException(PRIORITY_FEE_ABOVE_MAX_FEE, "maxPriorityFeePerGas "
          + tx.gasTipCap() + " exceeds maxFeePerGas " + tx.gasFeeCap() + "; lower the tip or raise the max fee");
    }
    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(tx.gasLimit()));
    if (gasLimit.multiply(tx.gasFeeCap()).bitLength() > 256) {
      throw new InvalidTransactionException(FEE_PRODUCT_OVERFLOW, "gas limit " + gasLimit + " times fee cap "
          + tx.gasFeeCap() + " does not fit 256 bits");
    }
    if (tx.isCreate() && tx.dataLength() > IntrinsicGas.MAX_INITCODE_SIZE) {
      throw new InvalidTransactionException(INITCODE_TOO_LARGE, "initcode of " + tx.dataLength()
          + " bytes exceeds the limit of " + IntrinsicGas.MAX_INITCODE_SIZE + " bytes (EIP-3860)");
    }
    long intrinsic = IntrinsicGas.of(tx);
    if (Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      throw new InvalidTransactionException(INTRINSIC_GAS_TOO_LOW, "gas limit " + Long.toUnsignedString(
          tx.gasLimit()) + " is below the intrinsic gas " + intrinsic + "; raise the gas limit to at least "
          + intrinsic);
    }
    return sender;
  }

  private static void checkChainId(Transaction tx, long chainId) throws InvalidTransactionException {
    BigInteger expected = BigInteger.valueOf(chainId);
    if (tx.type() != TxType.LEGACY) {
      if (!tx.chainId().equals(expected)) {
        throw new InvalidTransactionException(WRONG_CHAIN_ID, "transaction is for chain " + tx.chainId()
            + ", this chain's id is " + chainId + "; sign it with chain id " + chainId);
      }
      return;
    }
    BigInteger v = tx.v();
    if (v.equals(V27) || v.equals(V28)) {
      return;
    }
    if (v.bitLength() <= 1) {
      throw new InvalidTransactionException(INVALID_SIGNATURE, "legacy v = " + v + " is a bare y parity; legacy"
          + " transactions carry v = 27/28, or 35 + 2 * chainId + parity under EIP-155");
    }
    BigInteger eip155 = expected.shiftLeft(1).add(BigInteger.valueOf(35));
    if (!v.equals(eip155) && !v.equals(eip155.add(BigInteger.ONE))) {
      throw new InvalidTransactionException(WRONG_CHAIN_ID, "legacy v = " + v + " is neither 27/28 (no chain id)"
          + " nor " + eip155 + "/" + eip155.add(BigInteger.ONE) + " (EIP-155 for chain " + chainId
          + "); sign it with chain id " + chainId);
    }
  }
}
