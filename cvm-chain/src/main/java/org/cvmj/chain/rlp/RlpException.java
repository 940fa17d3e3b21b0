package org.cvmj.chain.rlp;

/** Input that is not canonical RLP, or not the shape a caller expected; {@link #offset()} is where it went wrong. */
public final class RlpException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public RlpException(int offset, String message) {
    super(message + " (at byte offset " + offset + ")");
    this.offset = offset;
  }

  /** Byte offset into the decoded input where the problem was found. */
  public int offset() {
    return offset;
  }
}
