package org.cvmj.uploader.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvmj.uploader.InvalidInputException;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/** Loads the key that signs: a web3j (Ethereum V3) keystore file, or a dev account of the dev chain. */
public final class Wallet {
  private Wallet() {}

  /** Decrypts {@code keystore} with {@code password}; a wrong password or a file that is no keystore is refused. */
  public static Credentials fromKeystore(Path keystore, String password) throws IOException, InvalidInputException {
    if (!Files.isRegularFile(keystore)) {
      throw new InvalidInputException("the keystore file " + keystore + " does not exist");
    }
    try {
      return WalletUtils.loadCredentials(password, keystore.toFile());
    } catch (CipherException e) {
      throw new InvalidInputException("cannot decrypt the keystore " + keystore + ": wrong password ("
          + e.getMessage() + ")", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException("the keystore " + keystore + " is not a web3j/Ethereum V3 keystore file: "
          + e.getOriginalMessage(), e);
    } catch (RuntimeException e) {
      // web3j throws unchecked exceptions for keystores with missing or odd fields
      throw new InvalidInputException("the keystore " + keystore + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Dev account {@code index} of the dev chain (its key is public). */
  public static Credentials devAccount(int index) throws InvalidInputException {
    try {
      return DevKeys.credentials(index);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--dev-account: " + e.getMessage(), e);
    }
  }
}
