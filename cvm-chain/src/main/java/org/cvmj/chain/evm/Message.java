package org.cvmj.chain.evm;

import org.cvmj.chain.crypto.Address;

/**
 * One message call or contract creation.
 *
 * @param caller CALLER inside the frame
 * @param recipient the account whose storage and balance the frame uses (ADDRESS); for a create, the new account
 * @param codeAddress the account whose code runs (differs from recipient for CALLCODE and DELEGATECALL)
 * @param value CALLVALUE; moved only for CALL, CALLCODE and creates
 * @param input call data, or the init code of a create
 * @param gas gas given to the frame
 * @param depth 0 for the transaction's own frame; a message at depth 1025 fails
 * @param isStatic true inside STATICCALL: no state may change
 */
public record Message(
    CallKind kind,
    Address caller,
    Address recipient,
    Address codeAddress,
    Word value,
    byte[] input,
    long gas,
    int depth,
    boolean isStatic) {

  /** The deepest frame: a call or create from depth 1024 fails without running. */
  public static final int MAX_DEPTH = 1024;

  public boolean transfersValue() {
    return kind == CallKind.CALL || kind == CallKind.CALLCODE || kind.isCreate();
  }
}
