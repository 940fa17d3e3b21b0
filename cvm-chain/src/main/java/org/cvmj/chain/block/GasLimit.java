package org.cvmj.chain.block;

/**
 * How far a block's gas limit may move from its parent's (Yellow Paper, equation 47; unchanged by EIP-1559
 * after the London block): by less than {@code parent / 1024} either way, never below {@link #MIN} and never
 * above {@link #MAX}. Block producers use {@link #next} to approach the limit they want.
 */
public final class GasLimit {
  /** The smallest gas limit a block may have. */
  public static final long MIN = 5000;
  /** The largest gas limit a block may have (geth's cap, 2^63 - 1). */
  public static final long MAX = Long.MAX_VALUE;
  public static final long BOUND_DIVISOR = 1024;

  private GasLimit() {}

  /** Whether a block with {@code gasLimit} may follow a parent with {@code parentGasLimit}. */
  public static boolean isValidChild(long parentGasLimit, long gasLimit) {
    if (gasLimit < MIN || parentGasLimit < 0) {
      return false;
    }
    long diff = Math.abs(gasLimit - parentGasLimit);
    return diff < parentGasLimit / BOUND_DIVISOR;
  }

  /** The gas limit closest to {@code desired} that a child of a block with {@code parentGasLimit} may have. */
  public static long next(long parentGasLimit, long desired) {
    long step = parentGasLimit / BOUND_DIVISOR - 1;
    long target = Math.max(desired, MIN);
    if (step <= 0) {
      return parentGasLimit;
    }
    if (target > parentGasLimit) {
      return Math.min(target, parentGasLimit + Math.min(step, MAX - parentGasLimit));
    }
    return Math.max(target, parentGasLimit - step);
  }
}
