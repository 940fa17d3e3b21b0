package org.cvmj.uploader.wallet;

import org.cvmj.chain.chain.DevAccounts;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/**
 * The dev chain's deterministic accounts ({@link DevAccounts}) as web3j credentials. The keys are public; never use
 * them for value.
 */
public final class DevKeys {
  private DevKeys() {}

  /** Dev account {@code index}; a negative index is an {@link IllegalArgumentException}. */
  public static Credentials credentials(int index) {
    return Credentials.create(ECKeyPair.create(DevAccounts.privateKey(index)));
  }
}
