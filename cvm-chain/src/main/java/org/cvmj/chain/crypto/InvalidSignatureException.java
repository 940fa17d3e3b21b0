package org.cvmj.chain.crypto;

/** A signature that is out of range or from which no public key can be recovered. */
public final class InvalidSignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String message) {
    super(message);
  }
}
