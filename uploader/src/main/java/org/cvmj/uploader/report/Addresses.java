package org.cvmj.uploader.report;

import org.cvmj.uploader.InvalidInputException;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

/** Checks an account or model address typed by the user. */
public final class Addresses {
  private Addresses() {}

  /** {@code text} as a checksummed address, or an error naming {@code what}. */
  public static String parse(String text, String what) throws InvalidInputException {
    String t = text.strip();
    if (!t.startsWith("0x") || !WalletUtils.isValidAddress(t)) {
      throw new InvalidInputException(what + " " + text + " is not an address (0x and 40 hex digits)");
    }
    return Keys.toChecksumAddress(t);
  }
}
