package org.cvmj.chain.models;

import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.sol.Abi;

/** Results of the CVM system contracts: success with ABI output, or a revert with an {@code Error(string)}. */
final class Reverts {
  private Reverts() {}

  /** A revert that returns {@code gasLeft} to the caller with {@code reason}, as {@code require} would. */
  static CallResult revert(long gasLeft, String reason) {
    return new CallResult(CallResult.Status.REVERT, null, Math.max(0, gasLeft), errorData(reason), null);
  }

  /** {@code Error(reason)} ABI-encoded, the return data of a revert with a reason. */
  static byte[] errorData(String reason) {
    byte[] body = Abi.encode(List.of("string"), reason);
    byte[] out = Arrays.copyOf(Abi.ERROR_SELECTOR, 4 + body.length);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  static CallResult success(long gasLeft, byte[] output) {
    return new CallResult(CallResult.Status.SUCCESS, null, gasLeft, output, null);
  }

  /** Not enough gas for the work: an ordinary out-of-gas failure that consumes the frame's gas. */
  static CallResult outOfGas() {
    return new CallResult(CallResult.Status.HALT, org.cvmj.chain.evm.HaltReason.OUT_OF_GAS, 0, new byte[0], null);
  }
}
