package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;

/**
 * A receipt as {@code eth_getTransactionReceipt} shows it. {@code to} is null for a contract creation and
 * {@code contractAddress} null otherwise; {@code status} is 1 for success and 0 for failure; {@code logsBloom}
 * is 256 bytes.
 */
public record ReceiptView(
    Hash transactionHash,
    int transactionIndex,
    Hash blockHash,
    long blockNumber,
    Address from,
    Address to,
    long cumulativeGasUsed,
    long gasUsed,
    BigInteger effectiveGasPrice,
    Address contractAddress,
    List<LogView> logs,
    byte[] logsBloom,
    int type,
    int status) {

  public ReceiptView {
    logs = List.copyOf(logs);
    logsBloom = logsBloom.clone();
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }
}
