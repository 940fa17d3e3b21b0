package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.tx.AccessListEntry;

/**
 * A transaction call object as {@code eth_call}, {@code eth_estimateGas} and {@code eth_sendTransaction} take it.
 * Every field is optional (null when absent); {@code input} holds {@code input} or its older spelling
 * {@code data}. Defaults (gas cap, sender, fees) are the backend's to choose, as in geth.
 */
public record CallRequest(
    Address from,
    Address to,
    Long gas,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    BigInteger value,
    byte[] input,
    Long nonce,
    List<AccessListEntry> accessList,
    BigInteger chainId) {

  public CallRequest {
    input = input == null ? null : input.clone();
    accessList = accessList == null ? null : List.copyOf(accessList);
  }

  @Override
  public byte[] input() {
    return input == null ? null : input.clone();
  }
}
