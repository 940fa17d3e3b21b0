package org.cvmj.chain.crypto;

import java.math.BigInteger;

/**
 * A secp256k1 ECDSA signature with its recovery bit: {@code yParity} is 0 or 1, the parity of the y coordinate
 * of the point R whose x coordinate is {@code r}. Construction does not check ranges; {@link #check(boolean)}
 * does, and {@link Secp256k1#recoverAddress} calls it.
 */
public record Signature(int yParity, BigInteger r, BigInteger s) {

  /**
   * Fails unless {@code yParity} is 0 or 1 and {@code 0 < r, s < n}; with {@code requireLowS}, also unless
   * {@code s <= n/2} (EIP-2, required of every transaction signature since Homestead).
   */
  public void check(boolean requireLowS) throws InvalidSignatureException {
    if (yParity != 0 && yParity != 1) {
      throw new InvalidSignatureException("recovery bit (y parity) must be 0 or 1, got " + yParity);
    }
    if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidSignatureException("signature r must be in [1, n-1] of secp256k1, got 0x" + r.toString(16));
    }
    if (s.signum() <= 0 || s.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidSignatureException("signature s must be in [1, n-1] of secp256k1, got 0x" + s.toString(16));
    }
    if (requireLowS && s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new InvalidSignatureException("signature s is in the upper half of the curve order (EIP-2 requires"
          + " s <= n/2); sign with a low-s signer or replace s by n - s and flip the y parity");
    }
  }
}
