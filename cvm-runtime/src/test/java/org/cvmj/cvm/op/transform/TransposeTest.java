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

class TransposeTest {

  private static Transpose transpose(String axes) throws OpException {
    return Transpose.parse(axes == null ? OpAttrs.of() : OpAttrs.of("axes", axes));
  }

  @Test
  void defaultReversesTheAxes() throws OpException {
    Tensor y = run(transpose(null), t(s(2, 3), 1, 2, 3, 4, 5, 6));
    assertEquals(Shape.of(3, 2), y.shape());
    assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, y.toArray());

    Tensor z = run(transpose("()"), t(s(2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8));
    assertArrayEquals(new int[] {1, 5, 3, 7, 2, 6, 4, 8}, z.toArray());
  }

  @Test
  void explicitAxes() throws OpException {
    Tensor y = run(transpose("(1, 0, 2)"), t(s(2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8));
    assertArrayEquals(new int[] {1, 2, 5, 6, 3, 4, 7, 8}, y.toArray());

    // x[a][b][c] = 6a + 2b + c; y[b][c][a] = x[a][b][c] (the reference CPU has a special loop for this one).
    Tensor z = run(transpose("(1, 2, 0)"), iota(2, 3, 2));
    assertEquals(Shape.of(3, 2, 2), z.shape());
    assertArrayEquals(new int[] {0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11}, z.toArray());
  }

  @Test
  void negativeAxesCountFromTheEnd() throws OpException {
    // (-1, 0, 1) is (2, 0, 1): y[c][a][b] = x[a][b][c].
    Tensor y = run(transpose("(-1, 0, 1)"), iota(2, 3, 2));
    assertEquals(Shape.of(2, 2, 3), y.shape());
    assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11}, y.toArray());
  }

  @Test
  void axesMustBeAPermutation() throws OpException {
    assertThrows(OpException.class, () -> shapeOf(transpose("(0, 1)"), s(2, 3, 4)));
    assertThrows(OpException.class, () -> shapeOf(transpose("(0, 0, 1)"), s(2, 3, 4)));
    assertThrows(OpException.class, () -> shapeOf(transpose("(0, -3, 1)"), s(2, 3, 4)));
    assertThrows(OpException.class, () -> shapeOf(transpose("(0, 1, 3)"), s(2, 3, 4)));
    assertThrows(OpException.class, () -> shapeOf(transpose("(0, 1, -4)"), s(2, 3, 4)));
    assertEquals(Shape.of(4, 2, 3), shapeOf(transpose("(-1, -3, -2)"), s(2, 3, 4)));
  }

  @Test
  void precisionIsTheInputs() throws OpException {
    assertArrayEquals(new int[] {9}, transpose(null).inferPrecisions(new Shape[] {Shape.of(2)}, new int[] {9}));
  }
}
