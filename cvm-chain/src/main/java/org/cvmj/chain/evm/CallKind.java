package org.cvmj.chain.evm;

/** How a message was sent: the four call opcodes and the two create opcodes. */
public enum CallKind {
  CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2;

  public boolean isCreate() {
    return this == CREATE || this == CREATE2;
  }
}
