package org.cvmj.chain.rpc;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;

/** A log as a client sees it, with its position in the chain. */
public record LogView(
    Address address,
    List<Hash> topics,
    byte[] data,
    long blockNumber,
    Hash transactionHash,
    int transactionIndex,
    Hash blockHash,
    int logIndex,
    boolean removed) {

  public LogView {
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
