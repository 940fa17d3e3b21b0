package org.cvmj.chain.evm;

import java.util.List;
import org.cvmj.chain.crypto.Address;

/** What the transaction tells the EVM: ORIGIN, GASPRICE (the effective price) and BLOBHASH's versioned hashes. */
public record TxContext(Address origin, Word gasPrice, List<Word> blobHashes) {
  public TxContext {
    blobHashes = List.copyOf(blobHashes);
  }
}
