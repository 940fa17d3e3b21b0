package org.cvmj.chain.tx;

/** The transaction envelope types this chain accepts (EIP-2718 type byte in {@link #code}). */
public enum TxType {
  /** Pre-EIP-2718 RLP list; with an EIP-155 chain id folded into v, or without one. */
  LEGACY(0),
  /** EIP-2930: chain id and an access list. */
  ACCESS_LIST(1),
  /** EIP-1559: max fee and max priority fee per gas instead of a gas price. */
  DYNAMIC_FEE(2);

  public final int code;

  TxType(int code) {
    this.code = code;
  }
}
