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

class RepeatTileTest {

  private static final Tensor X = t(s(2, 2), 1, 2, 3, 4);

  private static Repeat repeat(String... kv) throws OpException {
    return Repeat.parse(OpAttrs.of(kv));
  }

  private static Tile tile(String reps) throws OpException {
    return Tile.parse(OpAttrs.of("reps", reps));
  }

  @Test
  void repeatAlongEachAxis() throws OpException {
    Tensor rows = run(repeat("repeats", "2"), X);
    assertEquals(Shape.of(4, 2), rows.shape());
    assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4, 3, 4}, rows.toArray());

    Tensor cols = run(repeat("repeats", "2", "axis", "1"), X);
    assertEquals(Shape.of(2, 4), cols.shape());
    assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4}, cols.toArray());
    assertArrayEquals(cols.toArray(), run(repeat("repeats", "2", "axis", "-1"), X).toArray());

    assertArrayEquals(new int[] {1, 2, 3, 4}, run(repeat("repeats", "1"), X).toArray());
    assertArrayEquals(new int[] {5, 5, 5, 6, 6, 6}, run(repeat("repeats", "3"), t(s(2), 5, 6)).toArray());
  }

  @Test
  void repeatRejects() throws OpException {
    assertThrows(OpException.class, () -> repeat("repeats", "0"));
    assertThrows(OpException.class, () -> repeat("repeats", "-1"));
    assertThrows(OpException.class, () -> repeat("axis", "0"));
    assertThrows(OpException.class, () -> shapeOf(repeat("repeats", "2", "axis", "2"), s(2, 2)));
    assertThrows(OpException.class, () -> shapeOf(repeat("repeats", "2", "axis", "-3"), s(2, 2)));
    // 2 · (2^31 - 1) does not fit a dimension.
    assertThrows(OpException.class, () -> shapeOf(repeat("repeats", "2147483647"), s(2, 2)));
    assertEquals(Shape.of(2, 2147483647), shapeOf(repeat("repeats", "2147483647", "axis", "1"), s(2, 1)));
  }

  @Test
  void tileWithFewerRepsThanDimensions() throws OpException {
    Tensor y = run(tile("2"), X);
    assertEquals(Shape.of(2, 4), y.shape());
    assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4, 3, 4}, y.toArray());
  }

  @Test
  void tileWithAsManyReps() throws OpException {
    Tensor y = run(tile("(2, 1)"), X);
    assertEquals(Shape.of(4, 2), y.shape());
    assertArrayEquals(new int[] {1, 2, 3, 4, 1, 2, 3, 4}, y.toArray());
    Tensor z = run(tile("(2, 3)"), t(s(1, 2), 7, 8));
    assertArrayEquals(new int[] {7, 8, 7, 8, 7, 8, 7, 8, 7, 8, 7, 8}, z.toArray());
  }

  @Test
  void tileWithMoreRepsThanDimensions() throws OpException {
    Tensor y = run(tile("(2, 1, 2)"), X);
    assertEquals(Shape.of(2, 2, 4), y.shape());
    assertArrayEquals(new int[] {1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2, 3, 4, 3, 4}, y.toArray());
    Tensor z = run(tile("(2, 2)"), t(s(3), 1, 2, 3));
    assertEquals(Shape.of(2, 6), z.shape());
    assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}, z.toArray());
  }

  @Test
  void tileRepsMustBeOneTo4096() throws OpException {
    assertThrows(OpException.class, () -> Tile.parse(OpAttrs.of()));
    assertThrows(OpException.class, () -> tile("()"));
    assertThrows(OpException.class, () -> tile("(2, 0)"));
    assertThrows(OpException.class, () -> tile("-1"));
    assertThrows(OpException.class, () -> tile("4097"));
    assertEquals(Shape.of(4096), shapeOf(tile("4096"), s(1)));
    assertEquals(Shape.of(1, 1, 1, 1, 1, 1, 1, 2), shapeOf(tile("(1, 1, 1, 1, 1, 1, 1, 1)"), s(2)));
  }

  @Test
  void bothKeepThePrecision() throws OpException {
    Shape[] in = {Shape.of(2)};
    assertArrayEquals(new int[] {17}, tile("2").inferPrecisions(in, new int[] {17}));
    assertArrayEquals(new int[] {17}, repeat("repeats", "2").inferPrecisions(in, new int[] {17}));
  }
}
