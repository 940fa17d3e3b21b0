package org.cvmj.chain.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BaseFeeAndGasLimitTest {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

  private static BigInteger next(long baseFee, long used, long limit) {
    return BaseFee.next(BigInteger.valueOf(baseFee), used, limit);
  }

  @Test
  void eip1559UpdateRule() {
    // Target = 30M / 2 = 15M. delta = baseFee * |used - target| / target / 8.
    assertEquals(GWEI, next(1_000_000_000L, 15_000_000, 30_000_000));
    assertEquals(BigInteger.valueOf(1_125_000_000L), next(1_000_000_000L, 30_000_000, 30_000_000));
    assertEquals(BigInteger.valueOf(875_000_000L), next(1_000_000_000L, 0, 30_000_000));
    // 1e9 * 5M / 15M = 333_333_333 (floor), / 8 = 41_666_666.
    assertEquals(BigInteger.valueOf(1_041_666_666L), next(1_000_000_000L, 20_000_000, 30_000_000));
    assertEquals(BigInteger.valueOf(958_333_334L), next(1_000_000_000L, 10_000_000, 30_000_000));
    // An increase is at least 1 wei: 7 * 15M / 15M / 8 = 0 -> 1.
    assertEquals(BigInteger.valueOf(8), next(7, 30_000_000, 30_000_000));
    // A decrease may round to nothing: 7 * 15M / 15M / 8 = 0.
    assertEquals(BigInteger.valueOf(7), next(7, 0, 30_000_000));
  }

  @Test
  void firstLondonBlockUsesTheInitialBaseFee() {
    assertEquals(GWEI, BaseFee.INITIAL_BASE_FEE);
  }

  @Test
  void gasLimitMovesByLessThanOne1024th() {
    // 30_000_000 / 1024 = 29_296 (floor): a change of 29_295 is allowed, 29_296 is not.
    assertTrue(GasLimit.isValidChild(30_000_000, 30_029_295));
    assertTrue(GasLimit.isValidChild(30_000_000, 29_970_705));
    assertFalse(GasLimit.isValidChild(30_000_000, 30_029_296));
    assertFalse(GasLimit.isValidChild(30_000_000, 29_970_704));
    assertTrue(GasLimit.isValidChild(30_000_000, 30_000_000));
    assertFalse(GasLimit.isValidChild(5_000, 4_999));
    assertEquals(30_029_295, GasLimit.next(30_000_000, 36_000_000));
    assertEquals(29_970_705, GasLimit.next(30_000_000, 1));
    assertEquals(30_000_100, GasLimit.next(30_000_000, 30_000_100));
  }
}
