package org.cvmj.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.cvmj.chain.crypto.Address;

/**
 * An unsigned transaction as {@code eth_call}, {@code eth_estimateGas} and {@code eth_sendTransaction} take it:
 * the one call object of the node, shared by the JSON-RPC layer (which decodes it) and the chain (which runs it).
 * Every field is optional (null when absent); {@code input} holds {@code input} or its older spelling
 * {@code data}; {@code to} null is a contract creation. Defaults (gas cap, sender, fees, nonce) are the
 * executor's to choose, as in geth: a call without any fee pays nothing and is not held to the base fee.
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
    if (gas != null && gas < 0) {
      throw new IllegalArgumentException("gas must be non-negative, got " + gas);
    }
    for (BigInteger v : new BigInteger[] {gasPrice, maxFeePerGas, maxPriorityFeePerGas, value}) {
      if (v != null && (v.signum() < 0 || v.bitLength() > 256)) {
        throw new IllegalArgumentException("value and fees are 256-bit unsigned values, got " + v);
      }
    }
  }

  /** A call of {@code to} with {@code input} from {@code from}; everything else defaults. */
  public static CallRequest of(Address from, Address to, byte[] input) {
    return new CallRequest(from, Objects.requireNonNull(to, "to"), null, null, null, null, null, input, null, null,
        null);
  }

  /** A plain value transfer (or, with {@code to} null, nothing). */
  public static CallRequest transfer(Address from, Address to, BigInteger value) {
    return new CallRequest(from, to, null, null, null, null, value, null, null, null, null);
  }

  @Override
  public byte[] input() {
    return input == null ? null : input.clone();
  }

  /** The input, or no bytes when absent. */
  public byte[] inputOrEmpty() {
    return input == null ? new byte[0] : input.clone();
  }

  /** The value, or zero when absent. */
  public BigInteger valueOrZero() {
    return value == null ? BigInteger.ZERO : value;
  }

  /** The access list, or an empty one when absent. */
  public List<AccessListEntry> accessListOrEmpty() {
    return accessList == null ? List.of() : accessList;
  }

  /** The same request with another gas limit. */
  public CallRequest withGas(long newGas) {
    return new CallRequest(from, to, newGas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, value, input, nonce,
        accessList, chainId);
  }
}
