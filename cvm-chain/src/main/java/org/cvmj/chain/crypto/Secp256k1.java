package org.cvmj.chain.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;

/**
 * The secp256k1 curve as Ethereum uses it: keys, deterministic signatures (RFC 6979 nonces, low s) and
 * public-key recovery from a 32-byte message hash. Public keys are 64 bytes, X || Y, without the 0x04 prefix.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

  /** The order n of the group. */
  public static final BigInteger N = PARAMS.getN();
  /** n / 2, the largest s allowed by EIP-2. */
  public static final BigInteger HALF_N = N.shiftRight(1);
  /** The field prime p. */
  public static final BigInteger P = ((SecP256K1Curve) PARAMS.getCurve()).getQ();

  private Secp256k1() {}

  /** The 64-byte public key of a private key in [1, n-1]. */
  public static byte[] publicKey(BigInteger privateKey) {
    checkPrivateKey(privateKey);
    return encode(PARAMS.getG().multiply(privateKey).normalize());
  }

  /** The address of a private key. */
  public static Address address(BigInteger privateKey) {
    return Address.fromPublicKey(publicKey(privateKey));
  }

  /** Signs a 32-byte hash with an RFC 6979 nonce; the result has s <= n/2 and its y parity. */
  public static Signature sign(byte[] hash32, BigInteger privateKey) {
    checkHash(hash32);
    checkPrivateKey(privateKey);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash32);
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    if (s.compareTo(HALF_N) > 0) {
      s = N.subtract(s);
    }
    byte[] expected = publicKey(privateKey);
    for (int parity = 0; parity < 2; parity++) {
      try {
        if (Arrays.equals(recoverPublicKey(hash32, new Signature(parity, r, s), false), expected)) {
          return new Signature(parity, r, s);
        }
      } catch (InvalidSignatureException e) {
        // try the other parity
      }
    }
    throw new IllegalStateException("no recovery id reproduces the signing key; this is a bug");
  }

  /**
   * Recovers the 64-byte public key that produced {@code signature} over {@code hash32}.
   *
   * @param requireLowS reject s > n/2 (EIP-2); transactions require it, {@code ecrecover} does not
   * @throws InvalidSignatureException if r, s or the y parity is out of range, r is not the x coordinate of a
   *     curve point, or the recovered point is at infinity
   */
  public static byte[] recoverPublicKey(byte[] hash32, Signature signature, boolean requireLowS)
      throws InvalidSignatureException {
    checkHash(hash32);
    signature.check(requireLowS);
    BigInteger r = signature.r();
    // r < n < p, so r is always a candidate x coordinate; Ethereum never uses x = r + n.
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 + signature.yParity());
    byte[] x = toBytes32(r);
    System.arraycopy(x, 0, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = PARAMS.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      throw new InvalidSignatureException("signature r = 0x" + r.toString(16)
          + " is not the x coordinate of a point on secp256k1; the signature is corrupt");
    }
    BigInteger e = new BigInteger(1, hash32);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = signature.s().multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(PARAMS.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw new InvalidSignatureException("the recovered public key is the point at infinity; the signature is"
          + " corrupt");
    }
    return encode(q);
  }

  /** The address that produced {@code signature} over {@code hash32}; see {@link #recoverPublicKey}. */
  public static Address recoverAddress(byte[] hash32, Signature signature, boolean requireLowS)
      throws InvalidSignatureException {
    return Address.fromPublicKey(recoverPublicKey(hash32, signature, requireLowS));
  }

  /** A big-endian 32-byte representation of a value below 2^256. */
  public static byte[] toBytes32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, 32 - len, len);
    return out;
  }

  private static byte[] encode(ECPoint p) {
    byte[] full = p.getEncoded(false);
    return Arrays.copyOfRange(full, 1, 65);
  }

  private static void checkHash(byte[] hash32) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("secp256k1 signs 32-byte hashes, got " + hash32.length + " bytes");
    }
  }

  private static void checkPrivateKey(BigInteger d) {
    if (d.signum() <= 0 || d.compareTo(N) >= 0) {
      throw new IllegalArgumentException("a private key must be in [1, n-1] of secp256k1");
    }
  }
}
