package org.cvmj.chain.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.crypto.Secp256k1;

/**
 * The development accounts of a dev chain: account {@code i}'s private key is
 * {@code keccak256("cvm-chain dev account " + i)} (the decimal index, UTF-8), read as a big-endian unsigned
 * integer. The keys are public by construction: they exist so that tests, examples and local tools have funded
 * accounts without a mnemonic, and must never hold anything of value.
 */
public final class DevAccounts {
  /** The seed text each key hashes, followed by the account index. */
  public static final String SEED_PREFIX = "cvm-chain dev account ";

  private DevAccounts() {}

  /** The private key of dev account {@code index} (index ≥ 0). */
  public static BigInteger privateKey(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a dev account index is non-negative, got " + index);
    }
    BigInteger k = new BigInteger(1, Keccak256.digest((SEED_PREFIX + index).getBytes(StandardCharsets.UTF_8)));
    if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalStateException("dev account " + index + " has no valid secp256k1 key; use another index");
    }
    return k;
  }

  /** The address of dev account {@code index}. */
  public static Address address(int index) {
    return Secp256k1.address(privateKey(index));
  }
}
