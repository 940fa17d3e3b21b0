package org.cvmj.chain.evm;

import java.util.List;
import org.cvmj.chain.crypto.Address;

/** An event emitted by LOG0..LOG4: the emitting contract, 0 to 4 topics and the data bytes. */
public record Log(Address address, List<Word> topics, byte[] data) {
  public Log {
    topics = List.copyOf(topics);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
