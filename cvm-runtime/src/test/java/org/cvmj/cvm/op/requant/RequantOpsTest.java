package org.cvmj.cvm.op.requant;

import static org.cvmj.cvm.op.OpTesting.attrs;
import static org.cvmj.cvm.op.OpTesting.run;
import static org.cvmj.cvm.op.OpTesting.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

class RequantOpsTest {

  @Test
  void rightShiftRoundsHalfUpThenClips() throws Exception {
    CvmRightShift op = CvmRightShift.parse(attrs("precision", "8", "shift_bit", "2"));
    // Spec reference values for b = 2, p = 8; ties go towards +infinity.
    int[] x = {-12, -10, -6, -2, 2, 6, 10, 1000, -1000, -9, 9};
    int[] expected = {-3, -2, -1, 0, 1, 2, 3, 127, -127, -2, 2};
    assertArrayEquals(expected, run(op, t(Shape.of(x.length), x)));
  }

  @Test
  void rightShiftHalfwayCasesWithOneBit() throws Exception {
    CvmRightShift op = CvmRightShift.parse(attrs("precision", "16", "shift_bit", "1"));
    // -2.5 -> -2, -1.5 -> -1, -0.5 -> 0, 0.5 -> 1, 2.5 -> 3
    assertArrayEquals(new int[] {-2, -1, 0, 1, 3}, run(op, t(Shape.of(5), -5, -3, -1, 1, 5)));
  }

  @Test
  void rightShiftWrapsInThirtyTwoBitsLikeEveryBackend() throws Exception {
    // (2^31-1 >> 0) + 1 wraps to -2^31, >> 1 gives -2^30, which the precision-32 clip keeps.
    CvmRightShift op = CvmRightShift.parse(attrs("precision", "32", "shift_bit", "1"));
    assertArrayEquals(new int[] {-(1 << 30)}, run(op, t(Shape.of(1), Integer.MAX_VALUE)));
  }

  @Test
  void rightShiftLargeShiftsFollowTheFormalKernel() throws Exception {
    // CPU returns x >> 31 (0 or -1) for b >= 31; FORMAL rounds: -2^31 / 2^31 = -1 exactly, 2^31-1 -> 1.
    CvmRightShift op = CvmRightShift.parse(attrs("precision", "8", "shift_bit", "31"));
    assertArrayEquals(new int[] {-1, 1, 0, 0},
        run(op, t(Shape.of(4), Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 29, -(1 << 29))));
    // precision + shift_bit >= 32: FORMAL still clips (CPU would not).
    CvmRightShift wide = CvmRightShift.parse(attrs("precision", "24", "shift_bit", "8"));
    assertArrayEquals(new int[] {(1 << 23) - 1, -(1 << 23) + 1},
        run(wide, t(Shape.of(2), Integer.MAX_VALUE, Integer.MIN_VALUE)));
  }

  @Test
  void rightShiftPrecisionOneIsAlwaysZero() throws Exception {
    CvmRightShift op = CvmRightShift.parse(attrs("precision", "1", "shift_bit", "3"));
    assertArrayEquals(new int[] {0, 0, 0}, run(op, t(Shape.of(3), 100, -100, 7)));
  }

  @Test
  void rightShiftAttributeRangesAreChecked() {
    assertThrows(OpException.class, () -> CvmRightShift.parse(attrs("precision", "33", "shift_bit", "2")));
    assertThrows(OpException.class, () -> CvmRightShift.parse(attrs("precision", "8", "shift_bit", "0")));
    assertThrows(OpException.class, () -> CvmRightShift.parse(attrs("precision", "8")));
    assertThrows(OpException.class, () -> CvmRightShift.parse(attrs("precision", "8", "shift_bit", "2", "x", "1")));
  }

  @Test
  void clipIsSymmetricAndIgnoresIsSign() throws Exception {
    CvmClip op = CvmClip.parse(attrs("precision", "4", "is_sign", "False"));
    assertArrayEquals(new int[] {-7, -7, 0, 7, 7}, run(op, t(Shape.of(5), -100, -8, 0, 8, 100)));
    assertEquals(4, op.inferPrecisions(new Shape[] {Shape.of(5)}, new int[] {20})[0]);
    CvmClip full = CvmClip.parse(attrs("precision", "32"));
    assertArrayEquals(new int[] {-Integer.MAX_VALUE, Integer.MAX_VALUE},
        run(full, t(Shape.of(2), Integer.MIN_VALUE, Integer.MAX_VALUE)));
  }

  @Test
  void leftShiftClipsAndChecksItsInputPrecision() throws Exception {
    CvmLeftShift op = CvmLeftShift.parse(attrs("precision", "8", "shift_bit", "3"));
    assertArrayEquals(new int[] {-8, 8, 120, 127, -127}, run(op, t(Shape.of(5), -1, 1, 15, 16, -16)));
    assertEquals(8, op.inferPrecisions(new Shape[] {Shape.of(1)}, new int[] {29})[0]);
    OpException e = assertThrows(OpException.class,
        () -> op.inferPrecisions(new Shape[] {Shape.of(1)}, new int[] {30}));
    assertEquals("input precision 30 + shift_bit 3 exceeds 32 bits", e.getMessage());
  }

  @Test
  void precisionIsTheBitLengthOfTheMagnitude() throws Exception {
    CvmPrecision op = CvmPrecision.parse(attrs());
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 8, 9, 1, 2, 32, 31},
        run(op, t(Shape.of(11), 0, 1, 2, 3, 4, 255, 256, -1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE)));
    assertEquals(6, op.inferPrecisions(new Shape[] {Shape.of(1)}, new int[] {32})[0]);
  }

  @Test
  void lutClampsIndices() throws Exception {
    CvmLut op = CvmLut.parse(attrs("in_dim", "4"));
    int[] y = run(op, t(Shape.of(2, 3), -5, 0, 1, 3, 4, 1000), t(Shape.of(4), 10, 20, 30, 40));
    assertArrayEquals(new int[] {10, 10, 20, 40, 40, 40}, y);
    assertEquals(5, op.inferPrecisions(new Shape[] {Shape.of(6), Shape.of(4)}, new int[] {8, 5})[0]);
    assertThrows(OpException.class, () -> op.inferShapes(new Shape[] {Shape.of(6), Shape.of(5)}));
  }
}
