package org.cvmj.uploader.wallet;

import java.io.Console;
import java.util.Map;
import org.cvmj.uploader.InvalidInputException;

/** Where a keystore password comes from: an environment variable, or a prompt on the terminal. */
public final class Password {
  private Password() {}

  /** The value of {@code variable} in {@code env}; unset is an error (an empty value is a valid password). */
  public static String fromEnvironment(String variable, Map<String, String> env) throws InvalidInputException {
    String value = env.get(variable);
    if (value == null) {
      throw new InvalidInputException("--password-env " + variable + ": the environment variable " + variable
          + " is not set");
    }
    return value;
  }

  /** Asks on {@code console}; without one (input redirected) there is nobody to ask. */
  public static String prompt(Console console, String keystore) throws InvalidInputException {
    if (console == null) {
      throw new InvalidInputException("no terminal to ask for the password of " + keystore
          + "; pass --password-env VAR with the password in the environment variable VAR");
    }
    char[] typed = console.readPassword("Password for %s: ", keystore);
    if (typed == null) {
      throw new InvalidInputException("no password was entered for " + keystore);
    }
    return new String(typed);
  }
}
