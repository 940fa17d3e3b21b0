package org.cvmj.chain.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * 0x01: recovers the signer address from (hash, v, r, s), 3000 gas. An invalid signature is not a failure: the
 * output is then empty.
 */
public final class Ecrecover implements PrecompiledContract {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  @Override
  public long gas(byte[] input) {
    return 3000;
  }

  @Override
  public byte[] run(byte[] input) {
    byte[] in = PrecompiledContract.slice(input, 0, 128);
    BigInteger v = new BigInteger(1, Arrays.copyOfRange(in, 32, 64));
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 96, 128));
    if (!(v.intValue() == 27 || v.intValue() == 28) || v.bitLength() > 5) return new byte[0];
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) return new byte[0];
    byte[] pub = recover(Arrays.copyOfRange(in, 0, 32), v.intValue() - 27, r, s);
    if (pub == null) return new byte[0];
    byte[] out = new byte[32];
    System.arraycopy(keccak(pub), 12, out, 12, 20);
    return out;
  }

  /** The 64-byte uncompressed public key (without the 0x04 prefix), or null when there is none. */
  static byte[] recover(byte[] hash, int recId, BigInteger r, BigInteger s) {
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 + recId);
    byte[] x = r.toByteArray();
    int n = Math.min(x.length, 32);
    System.arraycopy(x, x.length - n, compressed, 33 - n, n);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) return null;
    byte[] enc = q.getEncoded(false);
    return Arrays.copyOfRange(enc, 1, 65);
  }

  private static byte[] keccak(byte[] data) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
