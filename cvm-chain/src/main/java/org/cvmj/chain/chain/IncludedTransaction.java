package org.cvmj.chain.chain;

import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.tx.Transaction;

/**
 * A transaction a produced block includes, with what executing it gave.
 *
 * @param index its position in the block
 * @param gasUsed the gas it used (after the refund)
 * @param contractAddress the new contract of a successful creation, else null
 * @param result the EVM's outcome: status, halt reason, return or revert data, logs
 */
public record IncludedTransaction(Transaction transaction, Hash hash, Address sender, int index, Receipt receipt,
    long gasUsed, Address contractAddress, TransactionResult result) {

  public boolean isSuccess() {
    return result.isSuccess();
  }

  /** The REVERT data of a reverted transaction; empty when it succeeded or halted exceptionally. */
  public byte[] revertData() {
    return result.isSuccess() || result.returnData() == null ? new byte[0] : result.returnData().clone();
  }
}
