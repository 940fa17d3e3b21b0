package org.cvmj.chain.bench;

/** A benchmark that cannot go on: the node refused or failed a request, or an option is wrong. */
public final class BenchException extends Exception {
  private static final long serialVersionUID = 1L;

  public BenchException(String message) {
    super(message);
  }
}
