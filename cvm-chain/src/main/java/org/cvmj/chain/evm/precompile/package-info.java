/**
 * Precompiled contracts, one class each, registered by address in {@link
 * org.cvmj.chain.evm.precompile.Precompiles}: ecrecover, SHA-256, RIPEMD-160, identity, modexp (EIP-198 with
 * EIP-2565 gas), alt_bn128 add/mul/pairing (EIP-196/197 with EIP-1108 gas), BLAKE2 F (EIP-152) and the KZG point
 * evaluation of EIP-4844 (through c-kzg's native library).
 */
package org.cvmj.chain.evm.precompile;
