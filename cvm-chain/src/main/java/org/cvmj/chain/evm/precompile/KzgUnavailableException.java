package org.cvmj.chain.evm.precompile;

/**
 * The KZG verifier (c-kzg's native library with the mainnet trusted setup) cannot run in this process, so the
 * point evaluation precompile has no answer for an input that needs a proof check. Thrown instead of failing the
 * call: a precompile failure is a consensus result (all gas consumed) and would be the wrong one for a valid
 * proof, so the transaction cannot be executed here at all.
 */
public final class KzgUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  KzgUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
