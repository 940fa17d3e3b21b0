package org.cvmj.cvm.op.transform;

import static org.cvmj.cvm.op.transform.OpRunner.iota;
import static org.cvmj.cvm.op.transform.OpRunner.run;
import static org.cvmj.cvm.op.transform.OpRunner.s;
import static org.cvmj.cvm.op.transform.OpRunner.shapeOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SliceLikeTest {

  private static SliceLike sliceLike(String axis) throws OpException {
    return SliceLike.parse(axis == null ? OpAttrs.of() : OpAttrs.of("axis", axis));
  }

  @Test
  void allAxesByDefault() throws OpException {
    Tensor y = run(sliceLike(null), iota(3, 4), iota(2, 3));
    assertEquals(Shape.of(2, 3), y.shape());
    assertArrayEquals(new int[] {0, 1, 2, 4, 5, 6}, y.toArray());
  }

  @Test
  void onlyTheListedAxes() throws OpException {
    Tensor y = run(sliceLike("1"), iota(3, 4), iota(1, 2));
    assertEquals(Shape.of(3, 2), y.shape());
    assertArrayEquals(new int[] {0, 1, 4, 5, 8, 9}, y.toArray());
    assertArrayEquals(y.toArray(), run(sliceLike("(-1,)"), iota(3, 4), iota(1, 2)).toArray());

    Tensor z = run(sliceLike("(0,)"), iota(3, 4), iota(2));
    assertEquals(Shape.of(2, 4), z.shape());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, z.toArray());
  }

  @Test
  void shapeErrors() throws OpException {
    assertThrows(OpException.class, () -> shapeOf(sliceLike(null), s(3, 4), s(2)));
    assertThrows(OpException.class, () -> shapeOf(sliceLike(null), s(2, 2), s(3, 2)));
    // The axis must exist in both inputs: like (2,) has only axis 0.
    assertThrows(OpException.class, () -> shapeOf(sliceLike("1"), s(3, 4), s(2)));
    // A negative axis is resolved against x: -1 is axis 1 here.
    assertThrows(OpException.class, () -> shapeOf(sliceLike("-1"), s(3, 4), s(2)));
    assertThrows(OpException.class, () -> shapeOf(sliceLike("5"), s(3, 4), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(sliceLike("-3"), s(3, 4), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(sliceLike("1"), s(3, 4), s(3, 5)));
    assertThrows(OpException.class, () -> SliceLike.parse(OpAttrs.of("axes", "1")));
  }

  @Test
  void precisionIsTheFirstInputs() throws OpException {
    assertArrayEquals(new int[] {5},
        sliceLike(null).inferPrecisions(new Shape[] {Shape.of(2), Shape.of(1)}, new int[] {5, 30}));
    assertEquals(2, sliceLike(null).numInputs());
  }
}
