package org.cvmj.cvm.op.transform;

import static org.cvmj.cvm.op.transform.OpRunner.iota;
import static org.cvmj.cvm.op.transform.OpRunner.run;
import static org.cvmj.cvm.op.transform.OpRunner.s;
import static org.cvmj.cvm.op.transform.OpRunner.shapeOf;
import static org.cvmj.cvm.op.transform.OpRunner.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TakeTest {

  private static final Tensor A = t(s(2, 2), 1, 2, 3, 4);

  private static Take take(String axis) throws OpException {
    return Take.parse(axis == null ? OpAttrs.of() : OpAttrs.of("axis", axis));
  }

  @Test
  void withoutAxisIndexesTheFlatData() throws OpException {
    Tensor y = run(take(null), A, t(s(3), 3, 0, 2));
    assertEquals(Shape.of(3), y.shape());
    assertArrayEquals(new int[] {4, 1, 3}, y.toArray());
    Tensor z = run(take("None"), A, t(s(2, 2), 0, 3, 1, 2));
    assertEquals(Shape.of(2, 2), z.shape());
    assertArrayEquals(new int[] {1, 4, 2, 3}, z.toArray());
  }

  @Test
  void withoutAxisIndicesAreClamped() throws OpException {
    int[] idx = {-5, 4, 100, 1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    assertArrayEquals(new int[] {1, 4, 4, 2, 1, 4}, run(take(null), A, t(s(6), idx)).toArray());
  }

  @Test
  void alongAnAxis() throws OpException {
    Tensor y = run(take("1"), A, t(s(2), 1, 0));
    assertEquals(Shape.of(2, 2), y.shape());
    assertArrayEquals(new int[] {2, 1, 4, 3}, y.toArray());
    assertArrayEquals(y.toArray(), run(take("-1"), A, t(s(2), 1, 0)).toArray());

    // x[a][b][c] = 6a + 2b + c, rows b = 2 then 0 for each a.
    Tensor z = run(take("1"), iota(2, 3, 2), t(s(2), 2, 0));
    assertEquals(Shape.of(2, 2, 2), z.shape());
    assertArrayEquals(new int[] {4, 5, 0, 1, 10, 11, 6, 7}, z.toArray());
  }

  @Test
  void alongAnAxisIndicesAreClampedToThatAxis() throws OpException {
    assertArrayEquals(new int[] {2, 1, 4, 3}, run(take("1"), A, t(s(2), 5, -1)).toArray());
    // Axis 0 of a matrix with 2-D indices: rows 2, 0, then 7 -> 2 and -3 -> 0.
    Tensor y = run(take("0"), t(s(3, 2), 1, 2, 3, 4, 5, 6), t(s(2, 2), 2, 0, 7, -3));
    assertEquals(Shape.of(2, 2, 2), y.shape());
    assertArrayEquals(new int[] {5, 6, 1, 2, 5, 6, 1, 2}, y.toArray());
  }

  @Test
  void shapes() throws OpException {
    assertEquals(Shape.of(2, 5, 6, 4), shapeOf(take("1"), s(2, 3, 4), s(5, 6)));
    assertEquals(Shape.of(5, 6), shapeOf(take(null), s(2, 3, 4), s(5, 6)));
    assertEquals(Shape.of(2, 3, 5), shapeOf(take("-1"), s(2, 3, 4), s(5)));
    assertThrows(OpException.class, () -> shapeOf(take("2"), s(2, 2), s(2)));
    assertThrows(OpException.class, () -> shapeOf(take("-3"), s(2, 2), s(2)));
    assertThrows(OpException.class, () -> take("one"));
    assertNull(take("None").axis());
  }

  @Test
  void precisionIsTheDatas() throws OpException {
    assertArrayEquals(new int[] {6},
        take("0").inferPrecisions(new Shape[] {Shape.of(2), Shape.of(2)}, new int[] {6, 20}));
  }
}
