package org.cvmj.mrt;

/**
 * A problem with a user's input to MRT: a config key, a model file, a dataset, a layer. The message names
 * the file, key or layer and says what is wrong; the CLI prints it and exits with code 1.
 */
public class MrtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MrtException(String message) {
    super(message);
  }

  public MrtException(String message, Throwable cause) {
    super(message, cause);
  }
}
