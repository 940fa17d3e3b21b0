package org.cvmj.mrt.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values worked out by hand from the definitions in spec mrt-quantizer.md §3.3. */
class PrimitivesTest {
  @Test
  void getBitIsExactAtPowersOfTwo() {
    assertEquals(1, Primitives.getBit(0));
    assertEquals(2, Primitives.getBit(1));
    assertEquals(2, Primitives.getBit(0.5)); // ceil(log2 1.5) + 1
    assertEquals(3, Primitives.getBit(-3)); // ceil(log2 4) + 1
    assertEquals(8, Primitives.getBit(127)); // log2 128 = 7 exactly
    assertEquals(8, Primitives.getBit(126.5));
    assertEquals(9, Primitives.getBit(127.5));
    assertEquals(32, Primitives.getBit(Math.pow(2, 31) - 1));
  }

  @Test
  void rangeAndScale() {
    assertEquals(127, Primitives.range(8));
    assertEquals(32767, Primitives.range(16));
    assertEquals(50.0, Primitives.scale(2.54, 8), 1e-12);
    assertEquals(1.0, Primitives.scale(0, 8));
  }

  @Test
  void intRealizeRoundsHalfAwayFromZeroAndClips() {
    assertEquals(3, Primitives.intRealize(2.5, 8));
    assertEquals(-3, Primitives.intRealize(-2.5, 8));
    assertEquals(2, Primitives.intRealize(2.49, 8));
    assertEquals(127, Primitives.intRealize(200, 8));
    assertEquals(-127, Primitives.intRealize(-200, 8));
    assertEquals(0, Primitives.intRealize(-0.4, 8));
  }

  @Test
  void cvmFloatExactFractionStopsEarly() {
    // 0.75 -> 1.5·2^-1 -> 3·2^-2, an integer with bits to spare.
    assertEquals(new Primitives.CvmFloat(3, -2), Primitives.cvmFloat(0.75, 8));
  }

  @Test
  void cvmFloatUsesAllBitsForAnInexactFraction() {
    // 1/3 normalised to 1.333·2^-2, then six doublings (bits 7 -> 1): 85.33·2^-8 rounds to 85.
    assertEquals(new Primitives.CvmFloat(85, -8), Primitives.cvmFloat(1.0 / 3, 8));
  }

  @Test
  void cvmFloatOfALargeFactor() {
    // 300 = 1.171875·2^8; six doublings give 75·2^2 exactly.
    assertEquals(new Primitives.CvmFloat(75, 2), Primitives.cvmFloat(300, 8));
  }

  @Test
  void cvmFloatRoundsHalfToEvenAndCaps() {
    // 2.5 = 1.25·2^1; one doubling (bits 2 -> 1) gives 2.5·2^0; Python's round(2.5) is 2.
    assertEquals(new Primitives.CvmFloat(2, 0), Primitives.cvmFloat(2.5, 3));
    // bits = 2: alpha = 1 caps the multiplier.
    assertEquals(new Primitives.CvmFloat(1, 1), Primitives.cvmFloat(2.5, 2));
    // A multiplier that rounds up to the cap: 1.999 with bits 3 -> 3.998·2^-1 -> round 4 -> cap 3.
    assertEquals(new Primitives.CvmFloat(3, -1), Primitives.cvmFloat(1.999, 3));
  }

  @Test
  void cvmFloatRejectsNonPositive() {
    assertThrows(IllegalArgumentException.class, () -> Primitives.cvmFloat(0, 8));
    assertThrows(IllegalArgumentException.class, () -> Primitives.cvmFloat(-1, 8));
  }
}
