package org.cvmj.chain.evm;

import org.cvmj.chain.crypto.Address;

/**
 * The outcome of a message: success, revert (state undone, unused gas returned, output is the revert data) or
 * exceptional halt (state undone, all gas consumed).
 *
 * @param gasLeft gas the caller gets back
 * @param output return data (RETURN or REVERT); empty after a successful create
 * @param createdAddress the new contract for a successful create, else null
 */
public record CallResult(Status status, HaltReason haltReason, long gasLeft, byte[] output, Address createdAddress) {
  public enum Status { SUCCESS, REVERT, HALT }

  static CallResult success(long gasLeft, byte[] output) {
    return new CallResult(Status.SUCCESS, null, gasLeft, output, null);
  }

  static CallResult revert(long gasLeft, byte[] output) {
    return new CallResult(Status.REVERT, null, gasLeft, output, null);
  }

  static CallResult halt(HaltReason reason) {
    return new CallResult(Status.HALT, reason, 0, new byte[0], null);
  }

  /** A call that could not start (depth limit, insufficient balance): it fails and the gas goes back. */
  static CallResult notStarted(long gas) {
    return new CallResult(Status.REVERT, null, gas, new byte[0], null);
  }

  public boolean isSuccess() {
    return status == Status.SUCCESS;
  }
}
