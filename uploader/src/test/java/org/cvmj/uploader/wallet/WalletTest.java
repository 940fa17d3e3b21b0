package org.cvmj.uploader.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.uploader.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.WalletUtils;

class WalletTest {
  @TempDir
  Path dir;

  @Test
  void devKeysAreTheChainsDevAccounts() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertEquals(DevAccounts.address(i).toHex(), Wallet.devAccount(i).getAddress());
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Wallet.devAccount(-1));
    assertEquals("--dev-account: a dev account index is non-negative, got -1", e.getMessage());
  }

  /** A keystore with web3j's light scrypt parameters (n = 4096), so that the test stays quick. */
  private Path keystore(ECKeyPair key, String password) throws Exception {
    String name = WalletUtils.generateWalletFile(password, key, dir.toFile(), false);
    return dir.resolve(name);
  }

  @Test
  void loadsAKeystoreWithThePasswordFromAnEnvironmentVariable() throws Exception {
    ECKeyPair key = ECKeyPair.create(DevAccounts.privateKey(7));
    Path file = keystore(key, "correct horse");
    String password = Password.fromEnvironment("CVMJ_PASSWORD", Map.of("CVMJ_PASSWORD", "correct horse"));
    Credentials c = Wallet.fromKeystore(file, password);
    assertEquals(key.getPrivateKey(), c.getEcKeyPair().getPrivateKey());
    assertEquals(Credentials.create(key).getAddress(), c.getAddress());
  }

  @Test
  void wrongPasswordsMissingVariablesAndBadFilesAreNamed() throws Exception {
    Path file = keystore(ECKeyPair.create(DevAccounts.privateKey(7)), "right");
    InvalidInputException wrong = assertThrows(InvalidInputException.class, () -> Wallet.fromKeystore(file, "wrong"));
    assertEquals("cannot decrypt the keystore " + file + ": wrong password (Invalid password provided)",
        wrong.getMessage());

    InvalidInputException unset = assertThrows(InvalidInputException.class,
        () -> Password.fromEnvironment("CVMJ_NOT_SET", Map.of()));
    assertEquals("--password-env CVMJ_NOT_SET: the environment variable CVMJ_NOT_SET is not set", unset.getMessage());
    assertEquals("", Password.fromEnvironment("EMPTY", Map.of("EMPTY", "")), "an empty password is a password");

    InvalidInputException noConsole = assertThrows(InvalidInputException.class,
        () -> Password.prompt(null, "key.json"));
    assertEquals("no terminal to ask for the password of key.json; pass --password-env VAR with the password in the"
        + " environment variable VAR", noConsole.getMessage());

    Path missing = dir.resolve("nothing.json");
    assertEquals("the keystore file " + missing + " does not exist",
        assertThrows(InvalidInputException.class, () -> Wallet.fromKeystore(missing, "x")).getMessage());

    Path notJson = Files.writeString(dir.resolve("notes.txt"), "not a keystore");
    String m = assertThrows(InvalidInputException.class, () -> Wallet.fromKeystore(notJson, "x")).getMessage();
    assertEquals("the keystore " + notJson + " is not a web3j/Ethereum V3 keystore file", m.substring(0,
        m.indexOf(':', m.indexOf("file"))));
  }
}
