package org.cvmj.chain.db;

import java.util.Objects;
import org.cvmj.chain.crypto.Hash;

/** Where a transaction was included: the block's hash and number and the transaction's index in it. */
public record TxLocation(Hash blockHash, long blockNumber, int index) {
  public TxLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (index < 0) {
      throw new IllegalArgumentException("transaction index is non-negative, got " + index);
    }
  }
}
