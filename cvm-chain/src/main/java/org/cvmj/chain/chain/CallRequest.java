package org.cvmj.chain.chain;

import java.math.BigInteger;
import java.util.Objects;
import org.cvmj.chain.crypto.Address;

/**
 * An unsigned message for {@code eth_call} and {@code eth_estimateGas}.
 *
 * @param from the sender; null means the zero address
 * @param to the callee; null for a contract creation (data is then the init code)
 * @param gas the gas limit; null means the block's gas limit
 * @param gasPrice the price per gas; null means zero, in which case the base fee is not enforced (as geth does)
 */
public record CallRequest(Address from, Address to, Long gas, BigInteger gasPrice, BigInteger value, byte[] data) {
  public CallRequest {
    value = value == null ? BigInteger.ZERO : value;
    data = data == null ? new byte[0] : data.clone();
    if (gas != null && gas < 0) {
      throw new IllegalArgumentException("gas must be non-negative, got " + gas);
    }
    if (value.signum() < 0 || (gasPrice != null && gasPrice.signum() < 0)) {
      throw new IllegalArgumentException("value and gas price are non-negative");
    }
  }

  /** A call of {@code to} with {@code data} from {@code from}, no value, default gas and price. */
  public static CallRequest of(Address from, Address to, byte[] data) {
    return new CallRequest(from, Objects.requireNonNull(to, "to"), null, null, BigInteger.ZERO, data);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The same request with another gas limit. */
  public CallRequest withGas(long newGas) {
    return new CallRequest(from, to, newGas, gasPrice, value, data);
  }
}
