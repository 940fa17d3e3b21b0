package org.cvmj.chain.block;

import java.math.BigInteger;

/**
 * EIP-1559's base fee: each block's base fee follows from its parent's. The gas target is half the gas limit
 * (elasticity 2); a parent above the target raises the fee by up to 1/8 (denominator 8), at least by 1 wei, and
 * one below it lowers the fee by up to 1/8. The first block with a base fee (its parent has none) uses
 * {@link #INITIAL_BASE_FEE}.
 */
public final class BaseFee {
  public static final long ELASTICITY_MULTIPLIER = 2;
  public static final long BASE_FEE_CHANGE_DENOMINATOR = 8;
  /** 1 gwei: the base fee of the first block with one. */
  public static final BigInteger INITIAL_BASE_FEE = BigInteger.valueOf(1_000_000_000L);

  private BaseFee() {}

  /** The base fee of the block after {@code parent}. */
  public static BigInteger next(BlockHeader parent) {
    if (parent.baseFeePerGas() == null) {
      return INITIAL_BASE_FEE;
    }
    return next(parent.baseFeePerGas(), parent.gasUsed(), parent.gasLimit());
  }

  /** The base fee after a block with this base fee, gas used and gas limit (gas values unsigned). */
  public static BigInteger next(BigInteger parentBaseFee, long parentGasUsed, long parentGasLimit) {
    BigInteger target = BigInteger.valueOf(Long.divideUnsigned(parentGasLimit, ELASTICITY_MULTIPLIER));
    BigInteger used = new BigInteger(Long.toUnsignedString(parentGasUsed));
    int cmp = used.compareTo(target);
    if (cmp == 0 || target.signum() == 0) {
      return parentBaseFee;
    }
    BigInteger denominator = BigInteger.valueOf(BASE_FEE_CHANGE_DENOMINATOR);
    if (cmp > 0) {
      BigInteger delta = parentBaseFee.multiply(used.subtract(target)).divide(target).divide(denominator);
      return parentBaseFee.add(delta.max(BigInteger.ONE));
    }
    BigInteger delta = parentBaseFee.multiply(target.subtract(used)).divide(target).divide(denominator);
    return parentBaseFee.subtract(delta).max(BigInteger.ZERO);
  }
}
