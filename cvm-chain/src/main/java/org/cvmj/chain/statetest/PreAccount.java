package org.cvmj.chain.statetest;

import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.Word;

/** One account of a test's pre-state. */
public record PreAccount(Address address, Word balance, long nonce, byte[] code, Map<Word, Word> storage) {
  public PreAccount {
    code = code.clone();
    storage = Map.copyOf(storage);
  }

  @Override
  public byte[] code() {
    return code.clone();
  }
}
