package org.cvmj.chain.block;

import java.math.BigInteger;

/**
 * The checks a post-Merge Cancun header must pass against its parent that need neither the transactions nor
 * the state: linkage, number, time, gas limit bounds, gas used, the EIP-1559 base fee and the constant fields
 * of proof-of-stake headers. Execution checks the roots, gas used and bloom against the block's contents.
 */
public final class HeaderRules {
  private HeaderRules() {}

  public static void checkChild(BlockHeader parent, BlockHeader child) throws InvalidBlockException {
    if (!child.parentHash().equals(parent.hash())) {
      throw new InvalidBlockException("parentHash " + child.parentHash() + " is not the parent's hash "
          + parent.hash());
    }
    if (child.number() != parent.number() + 1) {
      throw new InvalidBlockException("number " + Long.toUnsignedString(child.number()) + " does not follow "
          + Long.toUnsignedString(parent.number()));
    }
    if (Long.compareUnsigned(child.timestamp(), parent.timestamp()) <= 0) {
      throw new InvalidBlockException("timestamp " + Long.toUnsignedString(child.timestamp())
          + " is not after the parent's " + Long.toUnsignedString(parent.timestamp()));
    }
    if (!GasLimit.isValidChild(parent.gasLimit(), child.gasLimit())) {
      throw new InvalidBlockException("gas limit " + child.gasLimit() + " is outside the bounds of the parent's "
          + parent.gasLimit() + " (it may move by less than 1/" + GasLimit.BOUND_DIVISOR + ", and is at least "
          + GasLimit.MIN + ")");
    }
    if (Long.compareUnsigned(child.gasUsed(), child.gasLimit()) > 0) {
      throw new InvalidBlockException("gas used " + Long.toUnsignedString(child.gasUsed())
          + " exceeds the gas limit " + child.gasLimit());
    }
    BigInteger expected = BaseFee.next(parent);
    if (!expected.equals(child.baseFeePerGas())) {
      throw new InvalidBlockException("base fee " + child.baseFeePerGas() + " is not " + expected
          + ", which EIP-1559 gives after the parent");
    }
    if (!child.isCancun()) {
      throw new InvalidBlockException("header lacks the Cancun fields (blobGasUsed, excessBlobGas,"
          + " parentBeaconBlockRoot)");
    }
    if (!child.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH) || child.difficulty().signum() != 0
        || child.nonce() != 0) {
      throw new InvalidBlockException("a proof-of-stake header has no ommers, difficulty 0 and nonce 0");
    }
    if (child.extraData().length > 32) {
      throw new InvalidBlockException("extraData is " + child.extraData().length + " bytes; the limit is 32");
    }
  }
}
