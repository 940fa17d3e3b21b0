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

class WhereTest {

  private static Where where() throws OpException {
    return Where.parse(OpAttrs.of());
  }

  @Test
  void sameShapeConditionSelectsElements() throws OpException {
    Tensor y = run(where(), t(s(2, 2), 0, 1, -1, 0), t(s(2, 2), 1, 2, 3, 4), t(s(2, 2), 5, 6, 7, 8));
    assertEquals(Shape.of(2, 2), y.shape());
    assertArrayEquals(new int[] {5, 2, 3, 8}, y.toArray());
    Tensor v = run(where(), t(s(3), 7, 0, 0), t(s(3), 1, 2, 3), t(s(3), 4, 5, 6));
    assertArrayEquals(new int[] {1, 5, 6}, v.toArray());
  }

  @Test
  void oneDimensionalConditionSelectsWholeRows() throws OpException {
    // The reference would write only the first quarter of each row (one element of four).
    Tensor y = run(where(), t(s(2), 0, 5), t(s(2, 4), 1, 2, 3, 4, 5, 6, 7, 8),
        t(s(2, 4), 11, 12, 13, 14, 15, 16, 17, 18));
    assertArrayEquals(new int[] {11, 12, 13, 14, 5, 6, 7, 8}, y.toArray());

    Tensor z = run(where(), t(s(3), 1, 0, -2), iota(3, 2, 2), t(s(3, 2, 2), new int[12]));
    assertArrayEquals(new int[] {0, 1, 2, 3, 0, 0, 0, 0, 8, 9, 10, 11}, z.toArray());
  }

  @Test
  void shapeErrors() throws OpException {
    assertEquals(Shape.of(4, 2), shapeOf(where(), s(4), s(4, 2), s(4, 2)));
    assertThrows(OpException.class, () -> shapeOf(where(), s(2, 2), s(2, 2), s(2, 3)));
    assertThrows(OpException.class, () -> shapeOf(where(), s(2, 3), s(2, 2), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(where(), s(3), s(2, 2), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(where(), s(2, 1), s(2, 2), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(where(), s(3), s(4), s(4)));
    assertThrows(OpException.class, () -> Where.parse(OpAttrs.of("axis", "0")));
    assertEquals(3, where().numInputs());
  }

  @Test
  void precisionIsTheLargerOfXAndYNotTheCondition() throws OpException {
    Shape[] in = {Shape.of(2), Shape.of(2), Shape.of(2)};
    assertArrayEquals(new int[] {12}, where().inferPrecisions(in, new int[] {1, 8, 12}));
    assertArrayEquals(new int[] {8}, where().inferPrecisions(in, new int[] {1, 8, 3}));
    assertArrayEquals(new int[] {5}, where().inferPrecisions(in, new int[] {20, 3, 5}));
  }
}
