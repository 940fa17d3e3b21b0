package org.cvmj.uploader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.wallet.Password;
import org.cvmj.uploader.wallet.Wallet;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Option;

/** The signing key: {@code --keystore FILE [--password-env VAR]} or {@code --dev-account N}. */
final class KeyOptions {
  @Option(names = "--keystore", paramLabel = "FILE",
      description = "web3j/Ethereum V3 keystore file holding the author's key")
  Path keystore;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "environment variable holding the keystore password (default: ask on the terminal)")
  String passwordEnv;

  @Option(names = "--dev-account", paramLabel = "N",
      description = "sign with dev account N of the dev chain (its key is public; dev chains only)")
  Integer devAccount;

  private final Map<String, String> env;

  KeyOptions(Map<String, String> env) {
    this.env = env;
  }

  boolean given() {
    return keystore != null || devAccount != null;
  }

  /** The credentials the options name; exactly one of the two sources must be given. */
  Credentials load() throws IOException, InvalidInputException {
    if (keystore != null && devAccount != null) {
      throw new InvalidInputException("give either --keystore or --dev-account, not both");
    }
    if (passwordEnv != null && keystore == null) {
      throw new InvalidInputException("--password-env needs --keystore");
    }
    if (devAccount != null) {
      return Wallet.devAccount(devAccount);
    }
    if (keystore == null) {
      throw new InvalidInputException("no key: pass --keystore FILE (with --password-env VAR or a terminal to"
          + " type the password) or, on a dev chain, --dev-account N");
    }
    String password = passwordEnv != null ? Password.fromEnvironment(passwordEnv, env)
        : Password.prompt(System.console(), keystore.toString());
    return Wallet.fromKeystore(keystore, password);
  }
}
