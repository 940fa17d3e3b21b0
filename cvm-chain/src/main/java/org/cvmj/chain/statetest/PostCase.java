package org.cvmj.chain.statetest;

import org.cvmj.chain.crypto.Hash;

/**
 * One expected outcome of a test under a fork: the transaction built from the data, gas and value indexes, and
 * the state root and logs hash after it, or the exception that must reject it (empty when none).
 */
public record PostCase(int data, int gas, int value, Hash stateRoot, Hash logsHash, String expectException) {
  /** The indexes as the fixtures' tooling prints them: {@code d0g1v0}. */
  public String indexes() {
    return "d" + data + "g" + gas + "v" + value;
  }
}
