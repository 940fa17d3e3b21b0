package org.cvmj.uploader.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;

/**
 * The dev chain's deterministic accounts: key {@code i} is {@code keccak256("cvm-chain dev account " + i)}. The
 * rule is cvm-chain's ({@code DevAccounts}); it is re-derived here so that the uploader does not carry the node
 * (RocksDB and all) to its users. A test holds the two equal. The keys are public; never use them for value.
 */
public final class DevKeys {
  /** The seed text each key hashes, followed by the decimal index. */
  static final String SEED_PREFIX = "cvm-chain dev account ";

  private DevKeys() {}

  /** The private key of dev account {@code index}. */
  public static BigInteger privateKey(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a dev account index is non-negative, got " + index);
    }
    BigInteger k = new BigInteger(1, Hash.sha3((SEED_PREFIX + index).getBytes(StandardCharsets.UTF_8)));
    if (k.signum() == 0 || k.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
      throw new IllegalArgumentException("dev account " + index + " has no valid secp256k1 key; use another index");
    }
    return k;
  }

  public static Credentials credentials(int index) {
    return Credentials.create(ECKeyPair.create(privateKey(index)));
  }
}
