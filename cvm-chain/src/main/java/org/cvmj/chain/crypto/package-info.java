/**
 * Ethereum's cryptography and the value types built on it: {@link org.cvmj.chain.crypto.Keccak256},
 * {@link org.cvmj.chain.crypto.Secp256k1} keys, signatures (RFC 6979, low-s) and public-key recovery,
 * 32-byte {@link org.cvmj.chain.crypto.Hash}es, 20-byte {@link org.cvmj.chain.crypto.Address}es with EIP-55
 * checksums, and {@link org.cvmj.chain.crypto.Hex}, the {@code 0x} text form Ethereum JSON uses for bytes.
 */
package org.cvmj.chain.crypto;
