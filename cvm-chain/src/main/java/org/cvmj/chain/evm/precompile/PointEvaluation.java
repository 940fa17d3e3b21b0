package org.cvmj.chain.evm.precompile;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * 0x0a: the KZG point evaluation of EIP-4844, 50000 gas. The input is exactly 192 bytes, versioned hash (32) | z
 * (32) | y (32) | commitment (48) | proof (48); the call succeeds when the versioned hash is 0x01 followed by
 * SHA-256(commitment)[1..32], z and y are canonical elements of the BLS12-381 scalar field (below its modulus) and
 * the proof shows that the committed polynomial takes the value y at z. It then returns FIELD_ELEMENTS_PER_BLOB
 * and the field modulus as two 32-byte big-endian words; any other input fails the call.
 *
 * <p>The proof check runs in c-kzg ({@link Kzg}); the other checks come first and need no native code. When c-kzg
 * cannot be loaded, an input that reaches the proof check throws {@link KzgUnavailableException} rather than
 * failing the call: failing would be a wrong consensus result for a valid proof.
 */
public final class PointEvaluation implements PrecompiledContract {
  static final long GAS = 50000;
  static final int INPUT_LENGTH = 192;
  static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  /** The BLS12-381 scalar field modulus, 32 bytes big-endian. */
  static final byte[] BLS_MODULUS =
      HexFormat.of().parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  @Override
  public long gas(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] run(byte[] input) {
    if (input.length != INPUT_LENGTH) return null;
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    if (!Arrays.equals(versionedHash, versionedHash(commitment))) return null;
    if (!isCanonical(z) || !isCanonical(y)) return null;
    if (!Kzg.verifyProof(commitment, z, y, proof)) return null;
    byte[] out = new byte[64];
    out[30] = (byte) (FIELD_ELEMENTS_PER_BLOB >>> 8);
    out[31] = (byte) FIELD_ELEMENTS_PER_BLOB;
    System.arraycopy(BLS_MODULUS, 0, out, 32, 32);
    return out;
  }

  /** 0x01 followed by the last 31 bytes of SHA-256(commitment) (EIP-4844's kzg_to_versioned_hash). */
  static byte[] versionedHash(byte[] commitment) {
    SHA256Digest d = new SHA256Digest();
    d.update(commitment, 0, commitment.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    out[0] = VERSIONED_HASH_VERSION_KZG;
    return out;
  }

  /** Whether the 32-byte big-endian value is below the modulus (c-kzg would reject it, but not reduce it). */
  private static boolean isCanonical(byte[] element) {
    return Arrays.compareUnsigned(element, BLS_MODULUS) < 0;
  }
}
