package org.cvmj.cvm.op;

/**
 * An operator rejected its attributes, input shapes or input precisions. The loader adds the node id and
 * name and the rule that failed; the message says what was wrong and with which values.
 */
public final class OpException extends Exception {
  public OpException(String message) {
    super(message);
  }
}
