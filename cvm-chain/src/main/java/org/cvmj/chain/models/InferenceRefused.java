package org.cvmj.chain.models;

/**
 * An off-chain run ({@link Models#infer}) that the {@code infer} precompile would refuse: the message is the
 * precompile's revert reason, word for word, and {@link #revertData} the return data it would revert with.
 */
public final class InferenceRefused extends Exception {
  private static final long serialVersionUID = 1L;

  InferenceRefused(String reason) {
    super(reason);
  }

  /** {@code Error(reason)}, ABI-encoded, as the precompile returns it. */
  public byte[] revertData() {
    return Reverts.errorData(getMessage());
  }
}
