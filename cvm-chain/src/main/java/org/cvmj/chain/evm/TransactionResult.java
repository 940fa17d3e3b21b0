package org.cvmj.chain.evm;

import java.util.List;
import org.cvmj.chain.crypto.Address;

/**
 * The outcome of a transaction.
 *
 * @param haltReason why the top frame halted, when status is HALT
 * @param gasUsed gas charged to the sender, after the refund
 * @param gasRefunded the refund granted (capped at a fifth of the gas used, EIP-3529)
 * @param returnData RETURN or REVERT data of the top frame (empty for a successful creation)
 * @param logs the logs, empty unless the transaction succeeded
 * @param createdAddress the new contract of a successful creation, else null
 */
public record TransactionResult(
    CallResult.Status status,
    HaltReason haltReason,
    long gasUsed,
    long gasRefunded,
    byte[] returnData,
    List<Log> logs,
    Address createdAddress) {

  public boolean isSuccess() {
    return status == CallResult.Status.SUCCESS;
  }
}
