package org.cvmj.cvm.op.transform;

import static org.cvmj.cvm.op.transform.OpRunner.iota;
import static org.cvmj.cvm.op.transform.OpRunner.run;
import static org.cvmj.cvm.op.transform.OpRunner.s;
import static org.cvmj.cvm.op.transform.OpRunner.shapeOf;
import static org.cvmj.cvm.op.transform.OpRunner.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class StridedSliceTest {

  private static final Tensor X = t(s(3, 4), 1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12);

  private static StridedSlice slice(String begin, String end, String stride) throws OpException {
    return StridedSlice.parse(OpAttrs.of("begin", begin, "end", end, "stride", stride));
  }

  private static int[] values(StridedSlice op, Tensor x) throws OpException {
    return run(op, x).toArray();
  }

  @Test
  void forwardSlice() throws OpException {
    Tensor y = run(slice("(0, 1)", "(2, 4)", "(1, 1)"), X);
    assertEquals(Shape.of(2, 3), y.shape());
    assertArrayEquals(new int[] {4, 7, 10, 5, 8, 11}, y.toArray());
  }

  @Test
  void defaultsTakeTheFirstRowAndEverythingElse() throws OpException {
    Tensor y = run(StridedSlice.parse(OpAttrs.of()), X);
    assertEquals(Shape.of(1, 4), y.shape());
    assertArrayEquals(new int[] {1, 4, 7, 10}, y.toArray());
  }

  @Test
  void negativeStrideWalksBackwards() throws OpException {
    Tensor v = iota(5);
    assertArrayEquals(new int[] {4, 3, 2, 1}, values(slice("4", "0", "-1"), v));
    // begin -1 -> 4, end -6 -> -1 (kept, the lower bound going backwards), ceil(5 / 2) = 3 elements.
    assertArrayEquals(new int[] {4, 2, 0}, values(slice("-1", "-6", "-2"), v));
    // On the second axis of [[1, 2, 3], [4, 5, 6]]: columns 2 and 1.
    Tensor y = run(slice("(0, 2)", "(2, 0)", "(1, -1)"), t(s(2, 3), 1, 2, 3, 4, 5, 6));
    assertEquals(Shape.of(2, 2), y.shape());
    assertArrayEquals(new int[] {3, 2, 6, 5}, y.toArray());
  }

  @Test
  void beginAndEndAreClamped() throws OpException {
    Tensor v = iota(5);
    // -10 -> -5 -> 0 and 100 -> 5: ceil(5 / 2) = 3 elements.
    assertArrayEquals(new int[] {0, 2, 4}, values(slice("-10", "100", "2"), v));
    // Backwards: 100 -> 4 and -100 -> -95 -> -1: ceil(5 / 3) = 2 elements.
    assertArrayEquals(new int[] {4, 1}, values(slice("100", "-100", "-3"), v));
  }

  @Test
  void hugeStepsGiveOneElement() throws OpException {
    assertArrayEquals(new int[] {0}, values(slice("0", "5", "2147483647"), iota(5)));
    assertArrayEquals(new int[] {4}, values(slice("4", "0", "-2147483648"), iota(5)));
    // Row 1 only; step · row stride overflows an int and must not matter.
    assertArrayEquals(new int[] {2, 5, 8, 11}, values(slice("(1, 0)", "(3, 4)", "(2147483647, 1)"), X));
  }

  @Test
  void entriesBeyondTheRankAreIgnored() throws OpException {
    Tensor y = run(slice("(1, 0, 9)", "(2, 1, 9)", "(1, 1, 0)"), iota(2, 2));
    assertEquals(Shape.of(1, 1), y.shape());
    assertArrayEquals(new int[] {2}, y.toArray());
  }

  @Test
  void emptyOrZeroStepSlicesAreRejected() throws OpException {
    assertThrows(OpException.class, () -> shapeOf(slice("0", "5", "0"), s(5)));
    assertThrows(OpException.class, () -> shapeOf(slice("2", "2", "1"), s(5)));
    assertThrows(OpException.class, () -> shapeOf(slice("3", "1", "1"), s(5)));
    assertThrows(OpException.class, () -> shapeOf(slice("0", "4", "-1"), s(5)));
    assertThrows(OpException.class, () -> shapeOf(slice("5", "9", "1"), s(5)));
    assertThrows(OpException.class, () -> shapeOf(slice("-9", "-6", "-1"), s(5)));
    // Default end on a backwards axis is the dimension, clamped to dim - 1, above the default begin 0.
    assertThrows(OpException.class,
        () -> shapeOf(StridedSlice.parse(OpAttrs.of("stride", "(1, -1)")), s(2, 3)));
    assertThrows(OpException.class, () -> StridedSlice.parse(OpAttrs.of("begin", "0", "step", "1")));
  }

  @Test
  void precisionIsTheInputs() throws OpException {
    assertArrayEquals(new int[] {4},
        slice("0", "1", "1").inferPrecisions(new Shape[] {Shape.of(2)}, new int[] {4}));
  }
}
