package org.cvmj.cvm.op.transform;

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

class ConcatenateTest {

  private static Concatenate concat(String axis) throws OpException {
    return Concatenate.parse(axis == null ? OpAttrs.of() : OpAttrs.of("axis", axis));
  }

  private static final Tensor X = t(s(2, 2), 1, 1, 2, 2);
  private static final Tensor Y = t(s(3, 2), 3, 3, 4, 4, 5, 5);
  private static final Tensor Z = t(s(3, 2), 6, 6, 7, 7, 8, 8);

  @Test
  void alongTheFirstAxis() throws OpException {
    Tensor out = run(concat("0"), X, Y, Z);
    assertEquals(Shape.of(8, 2), out.shape());
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8}, out.toArray());
  }

  @Test
  void alongTheDefaultAxisOne() throws OpException {
    Tensor out = run(concat(null), Y, Z);
    assertEquals(Shape.of(3, 4), out.shape());
    assertArrayEquals(new int[] {3, 3, 6, 6, 4, 4, 7, 7, 5, 5, 8, 8}, out.toArray());
    assertArrayEquals(out.toArray(), run(concat("-1"), Y, Z).toArray());
  }

  @Test
  void alongAMiddleAxis() throws OpException {
    Tensor a = t(s(2, 1, 2), 1, 2, 3, 4);
    Tensor b = t(s(2, 2, 2), 5, 6, 7, 8, 9, 10, 11, 12);
    Tensor out = run(concat("1"), a, b);
    assertEquals(Shape.of(2, 3, 2), out.shape());
    assertArrayEquals(new int[] {1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12}, out.toArray());
  }

  @Test
  void oneInputIsACopy() throws OpException {
    assertArrayEquals(new int[] {3, 3, 4, 4, 5, 5}, run(concat("0"), Y).toArray());
  }

  @Test
  void shapeErrors() throws OpException {
    assertThrows(OpException.class, () -> shapeOf(concat("2"), s(2, 2), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(concat("-3"), s(2, 2), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(concat(null), s(4), s(4)));
    assertThrows(OpException.class, () -> shapeOf(concat("0"), s(2, 2), s(2, 2, 1)));
    assertThrows(OpException.class, () -> shapeOf(concat("0"), s(2, 2), s(2, 3)));
    assertThrows(OpException.class, () -> concat("0").inferShapes(new Shape[0]));
    assertThrows(OpException.class, () -> Concatenate.parse(OpAttrs.of("dim", "0")));
  }

  @Test
  void anyNumberOfInputsAndTheLargestPrecision() throws OpException {
    Concatenate c = concat("0");
    assertEquals(Concatenate.VARIADIC, c.numInputs());
    Shape two = Shape.of(2);
    assertArrayEquals(new int[] {7},
        c.inferPrecisions(new Shape[] {two, two, two}, new int[] {3, 7, 5}));
  }
}
