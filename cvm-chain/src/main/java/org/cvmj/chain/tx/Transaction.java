package org.cvmj.chain.tx;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.InvalidSignatureException;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.crypto.Secp256k1;
import org.cvmj.chain.crypto.Signature;

/**
 * A transaction of any supported {@link TxType}, as carried on the wire.
 *
 * <p>{@code nonce} and {@code gasLimit} are unsigned 64-bit values held in a {@code long} (compare them with
 * {@link Long#compareUnsigned}). {@code gasPrice} is set for legacy and access-list transactions,
 * {@code maxPriorityFeePerGas} and {@code maxFeePerGas} for dynamic-fee ones (the others are null);
 * {@link #gasFeeCap()} and {@link #gasTipCap()} read either kind. {@code to} is null for a contract creation.
 * {@code chainId} is null only for a legacy transaction without EIP-155 protection. {@code v} is as encoded:
 * the y parity for typed transactions, 27/28 or {@code 35 + 2 * chainId + parity} for legacy ones.
 */
public record Transaction(
    TxType type,
    BigInteger chainId,
    long nonce,
    BigInteger gasPrice,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Address to,
    BigInteger value,
    byte[] data,
    List<AccessListEntry> accessList,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  public Transaction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(v, "v");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    data = data.clone();
    accessList = List.copyOf(accessList);
    if (type == TxType.DYNAMIC_FEE) {
      Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
      Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    } else {
      Objects.requireNonNull(gasPrice, "gasPrice");
    }
    if (type != TxType.LEGACY) {
      Objects.requireNonNull(chainId, "chainId");
    } else if (!accessList.isEmpty()) {
      throw new IllegalArgumentException("legacy transactions have no access list");
    }
  }

  /** An unsigned legacy transaction; {@code chainId} null means no EIP-155 replay protection. */
  public static Transaction legacy(BigInteger chainId, long nonce, BigInteger gasPrice, long gasLimit, Address to,
      BigInteger value, byte[] data) {
    return new Transaction(TxType.LEGACY, chainId, nonce, gasPrice, null, null, gasLimit, to, value, data,
        List.of(), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  /** An unsigned EIP-2930 transaction. */
  public static Transaction accessList(BigInteger chainId, long nonce, BigInteger gasPrice, long gasLimit,
      Address to, BigInteger value, byte[] data, List<AccessListEntry> accessList) {
    return new Transaction(TxType.ACCESS_LIST, chainId, nonce, gasPrice, null, null, gasLimit, to, value, data,
        accessList, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  /** An unsigned EIP-1559 transaction. */
  public static Transaction dynamicFee(BigInteger chainId, long nonce, BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas, long gasLimit, Address to, BigInteger value, byte[] data,
      List<AccessListEntry> accessList) {
    return new Transaction(TxType.DYNAMIC_FEE, chainId, nonce, null, maxPriorityFeePerGas, maxFeePerGas, gasLimit,
        to, value, data, accessList, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Length of {@link #data()} without copying it. */
  public int dataLength() {
    return data.length;
  }

  /** Byte {@code i} of the data without copying it. */
  public byte dataAt(int i) {
    return data[i];
  }

  /** Whether this transaction creates a contract. */
  public boolean isCreate() {
    return to == null;
  }

  /** The most the sender pays per gas: gas price, or max fee per gas. */
  public BigInteger gasFeeCap() {
    return type == TxType.DYNAMIC_FEE ? maxFeePerGas : gasPrice;
  }

  /** The most the block producer receives per gas above the base fee: gas price, or max priority fee. */
  public BigInteger gasTipCap() {
    return type == TxType.DYNAMIC_FEE ? maxPriorityFeePerGas : gasPrice;
  }

  /** The price per gas actually paid under {@code baseFee}: min(fee cap, base fee + tip cap). */
  public BigInteger effectiveGasPrice(BigInteger baseFee) {
    return gasFeeCap().min(baseFee.add(gasTipCap()));
  }

  /** The signature's y parity (0 or 1) as encoded; for legacy transactions derived from v. */
  public int yParity() {
    if (type != TxType.LEGACY) {
      return v.bitLength() <= 1 ? v.intValue() : -1;
    }
    if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
      return v.intValue() - 27;
    }
    return v.compareTo(BigInteger.valueOf(35)) >= 0 ? v.subtract(BigInteger.valueOf(35)).testBit(0) ? 1 : 0 : -1;
  }

  /** The canonical encoding: the RLP list for legacy transactions, {@code type || rlp(fields)} otherwise. */
  public byte[] encode() {
    return TransactionWriter.envelope(this);
  }

  /** The transaction hash Ethereum reports: keccak of {@link #encode()}. */
  public Hash hash() {
    return Keccak256.hash(encode());
  }

  /** The hash the sender signs. */
  public Hash signingHash() {
    return Keccak256.hash(TransactionWriter.signingPayload(this));
  }

  /** This transaction signed by {@code privateKey} (RFC 6979, low s). */
  public Transaction sign(BigInteger privateKey) {
    Signature sig = Secp256k1.sign(signingHash().bytes(), privateKey);
    BigInteger newV;
    if (type != TxType.LEGACY) {
      newV = BigInteger.valueOf(sig.yParity());
    } else if (chainId == null) {
      newV = BigInteger.valueOf(27 + sig.yParity());
    } else {
      newV = chainId.shiftLeft(1).add(BigInteger.valueOf(35 + sig.yParity()));
    }
    return new Transaction(type, chainId, nonce, gasPrice, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
        data, accessList, newV, sig.r(), sig.s());
  }

  /**
   * The sender, recovered from the signature (with the EIP-2 low-s rule). This does not check the chain id;
   * {@link TransactionRules#validate} does.
   */
  public Address sender() throws InvalidTransactionException {
    int parity = yParity();
    if (parity < 0) {
      throw new InvalidTransactionException(InvalidTransactionException.Reason.INVALID_SIGNATURE,
          "v = " + v + " encodes no y parity (legacy: 27, 28 or 35 + 2 * chainId + {0,1}; typed: 0 or 1)");
    }
    try {
      return Secp256k1.recoverAddress(signingHash().bytes(), new Signature(parity, r, s), true);
    } catch (InvalidSignatureException e) {
      throw new InvalidTransactionException(InvalidTransactionException.Reason.INVALID_SIGNATURE, e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction t && Arrays.equals(encode(), t.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "Transaction[" + type + ", nonce " + Long.toUnsignedString(nonce) + ", to "
        + (to == null ? "(create)" : to.toChecksumHex()) + ", value " + value + ", gas "
        + Long.toUnsignedString(gasLimit) + ", " + data.length + " data bytes]";
  }
}
