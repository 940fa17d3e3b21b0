package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.AccessListEntry;

/**
 * A transaction as {@code eth_getTransactionByHash} and full blocks show it. {@code blockHash},
 * {@code blockNumber} and {@code transactionIndex} are null while it is pending. {@code gasPrice} is the legacy
 * price, or for a mined EIP-1559 transaction the effective price paid ({@code maxFeePerGas} while pending).
 * {@code maxFeePerGas}/{@code maxPriorityFeePerGas} are null for types 0 and 1; {@code accessList} is null for
 * type 0; {@code chainId} is null for a pre-EIP-155 legacy transaction. {@code v} is the signature's v as
 * encoded (27/28, EIP-155 {@code chainId*2+35+y}, or the y parity for typed transactions).
 */
public record TransactionView(
    Hash hash,
    int type,
    long nonce,
    Hash blockHash,
    Long blockNumber,
    Integer transactionIndex,
    Address from,
    Address to,
    BigInteger value,
    long gas,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    byte[] input,
    List<AccessListEntry> accessList,
    BigInteger chainId,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  public TransactionView {
    input = input.clone();
    accessList = accessList == null ? null : List.copyOf(accessList);
  }

  @Override
  public byte[] input() {
    return input.clone();
  }
}
