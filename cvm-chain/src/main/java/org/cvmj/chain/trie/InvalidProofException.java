package org.cvmj.chain.trie;

/** A Merkle proof that does not connect the claimed root to the key: a node is missing, foreign or malformed. */
public final class InvalidProofException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidProofException(String message) {
    super(message);
  }
}
