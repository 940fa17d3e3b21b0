package org.cvmj.uploader;

/**
 * The user's input cannot be used: model files that fail cvm-runtime's checks, a shape that does not match the
 * model, a wrong keystore password, an unknown model address, or arguments the registry refuses. The message names
 * what is wrong and is meant for the user as it stands; the CLI exits with status 1.
 */
public class InvalidInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
