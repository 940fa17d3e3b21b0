package org.cvmj.uploader;

import java.io.IOException;

/**
 * The node could not be reached, answered with an error, or did not mine a transaction in time. The message names
 * the node and what failed; the CLI exits with status 2.
 */
public class NodeException extends IOException {
  private static final long serialVersionUID = 1L;

  public NodeException(String message) {
    super(message);
  }

  public NodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
