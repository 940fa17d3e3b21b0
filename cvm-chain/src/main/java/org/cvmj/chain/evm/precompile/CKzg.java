package org.cvmj.chain.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;

/**
 * The calls into jc-kzg-4844. Kept apart from {@link Kzg} so that a missing jar shows up as a linkage error of
 * this class, which Kzg catches on the first use, instead of a failure to link Kzg itself.
 */
final class CKzg {
  private static final String TRUSTED_SETUP = "/trusted_setup.txt";
  /** c-kzg's message (a plain RuntimeException) when the process already holds a trusted setup. */
  private static final String ALREADY_LOADED = "Trusted Setup is already loaded";

  private CKzg() {}

  /**
   * Loads the native library and the mainnet trusted setup of web3j's crypto jar, unless some other code of this
   * process loaded a setup before (c-kzg holds one per process and refuses a second).
   */
  static void load() {
    CKZG4844JNI.loadNativeLibrary();
    try {
      // The class literal does not initialize BlobUtils (whose initializer would load a setup itself).
      CKZG4844JNI.loadTrustedSetupFromResource(TRUSTED_SETUP, org.web3j.crypto.BlobUtils.class, 0);
    } catch (RuntimeException e) {
      if (e instanceof CKZGException || e.getMessage() == null || !e.getMessage().startsWith(ALREADY_LOADED)) {
        throw e;
      }
    }
  }

  /** c-kzg's verify_kzg_proof; false for malformed points or non-canonical field elements. */
  static boolean verify(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    try {
      return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
    } catch (CKZGException e) {
      // Only "bad arguments" depends on the input; an allocation or internal error must not decide a result.
      if (e.getError() == CKZGException.CKZGError.C_KZG_BADARGS) {
        return false;
      }
      throw new KzgUnavailableException("KZG proof verification failed inside c-kzg: " + e.getMessage(), e);
    }
  }
}
