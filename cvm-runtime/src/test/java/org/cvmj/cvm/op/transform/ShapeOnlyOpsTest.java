package org.cvmj.cvm.op.transform;

import static org.cvmj.cvm.op.transform.OpRunner.iota;
import static org.cvmj.cvm.op.transform.OpRunner.run;
import static org.cvmj.cvm.op.transform.OpRunner.s;
import static org.cvmj.cvm.op.transform.OpRunner.shapeOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** flatten, expand_dims and squeeze: shape rules, and the flat copy they share with reshape. */
class ShapeOnlyOpsTest {

  private static ExpandDims expand(String... kv) throws OpException {
    return ExpandDims.parse(OpAttrs.of(kv));
  }

  private static Squeeze squeeze(String... kv) throws OpException {
    return Squeeze.parse(OpAttrs.of(kv));
  }

  @Test
  void flattenKeepsTheFirstDimension() throws OpException {
    Flatten f = Flatten.parse(OpAttrs.of());
    assertEquals(Shape.of(2, 12), shapeOf(f, s(2, 3, 4)));
    assertEquals(Shape.of(5, 1), shapeOf(f, s(5)));
    assertEquals(Shape.of(1, 1), shapeOf(f, s(1, 1, 1, 1, 1, 1)));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, run(f, iota(2, 3)).toArray());
    assertEquals("flatten", f.name());
    assertEquals(1, f.numInputs());
  }

  @Test
  void flattenTakesNoAttributes() {
    assertThrows(OpException.class, () -> Flatten.parse(OpAttrs.of("axis", "1")));
  }

  @Test
  void expandDimsInsertsOnesAtTheAxis() throws OpException {
    assertEquals(Shape.of(2, 1, 1, 3), shapeOf(expand("axis", "1", "num_newaxis", "2"), s(2, 3)));
    assertEquals(Shape.of(1, 2, 3), shapeOf(expand("axis", "0"), s(2, 3)));
    assertEquals(Shape.of(2, 3, 1), shapeOf(expand("axis", "2"), s(2, 3)));
    // A negative axis counts from the end with ndim+1 positions: -1 appends, -ndim-1 prepends.
    assertEquals(Shape.of(2, 3, 1), shapeOf(expand("axis", "-1"), s(2, 3)));
    assertEquals(Shape.of(2, 1, 3), shapeOf(expand("axis", "-2"), s(2, 3)));
    assertEquals(Shape.of(1, 2, 3), shapeOf(expand("axis", "-3"), s(2, 3)));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, run(expand("axis", "1"), iota(2, 3)).toArray());
  }

  @Test
  void expandDimsRejectsOutOfRangeAttributes() throws OpException {
    assertThrows(OpException.class, () -> shapeOf(expand("axis", "3"), s(2, 3)));
    assertThrows(OpException.class, () -> shapeOf(expand("axis", "-4"), s(2, 3)));
    assertThrows(OpException.class, () -> shapeOf(expand("axis", String.valueOf(Integer.MIN_VALUE)), s(2)));
    assertThrows(OpException.class, () -> expand("axis", "0", "num_newaxis", "0"));
    assertThrows(OpException.class, () -> expand("axis", "0", "num_newaxis", "4097"));
    assertThrows(OpException.class, () -> expand("num_newaxis", "1"));
    assertThrows(OpException.class, () -> expand("axis", "0", "newaxis", "1"));
    assertEquals(4097, shapeOf(expand("axis", "0", "num_newaxis", "4096"), s(7)).ndim());
  }

  @Test
  void squeezeWithoutAxisDropsEveryOne() throws OpException {
    assertEquals(Shape.of(3), shapeOf(squeeze(), s(1, 3, 1)));
    assertEquals(Shape.of(2, 3), shapeOf(squeeze("axis", "()"), s(2, 1, 3)));
    assertEquals(Shape.of(1), shapeOf(squeeze(), s(1, 1)));
    assertEquals(Shape.of(2, 3), shapeOf(squeeze(), s(2, 3)));
  }

  @Test
  void squeezeWithAxesDropsOnlyThose() throws OpException {
    assertEquals(Shape.of(3, 1), shapeOf(squeeze("axis", "0"), s(1, 3, 1)));
    assertEquals(Shape.of(3), shapeOf(squeeze("axis", "(0, 2)"), s(1, 3, 1)));
    assertEquals(Shape.of(1, 3), shapeOf(squeeze("axis", "-1"), s(1, 3, 1)));
    assertEquals(Shape.of(3, 1), shapeOf(squeeze("axis", "(0, 0, -3)"), s(1, 3, 1)));
    assertEquals(Shape.of(1), shapeOf(squeeze("axis", "(0, 1)"), s(1, 1)));
    assertArrayEquals(new int[] {0, 1, 2}, run(squeeze(), iota(1, 3, 1)).toArray());
  }

  @Test
  void squeezeRejectsBadAxes() throws OpException {
    assertThrows(OpException.class, () -> shapeOf(squeeze("axis", "1"), s(1, 3, 1)));
    assertThrows(OpException.class, () -> shapeOf(squeeze("axis", "3"), s(1, 3, 1)));
    assertThrows(OpException.class, () -> shapeOf(squeeze("axis", "-4"), s(1, 3, 1)));
    assertThrows(OpException.class, () -> squeeze("axes", "0"));
  }

  @Test
  void flatCopyIsSkippedWhenTheOutputSharesTheInputStorage() throws OpException {
    int[] buffer = {7, 8, 9, 10, 11, 12, 99};
    Tensor in = new Tensor(buffer, Shape.of(2, 3));
    Tensor out = new Tensor(buffer, Shape.of(2, 3, 1));
    expand("axis", "2").compute(new Tensor[] {in}, new Tensor[] {out}, Parallel.SERIAL);
    assertArrayEquals(new int[] {7, 8, 9, 10, 11, 12, 99}, buffer);
  }

  @Test
  void flatCopyCopiesOnlyTheShapeOfLongerBuffers() throws OpException {
    Tensor in = new Tensor(new int[] {1, 2, 3, 4, 5, 6, 7}, Shape.of(2, 2));
    int[] target = {0, 0, 0, 0, -1, -1};
    Flatten.parse(OpAttrs.of()).compute(new Tensor[] {in},
        new Tensor[] {new Tensor(target, Shape.of(2, 2))}, Parallel.SERIAL);
    assertArrayEquals(new int[] {1, 2, 3, 4, -1, -1}, target);
  }

  @Test
  void onlyTheFourReshapingOperatorsMayAliasAndAllKeepPrecision() throws OpException {
    Operator[] aliasing = {Flatten.parse(OpAttrs.of()), Reshape.parse(OpAttrs.of("shape", "(-1,)")),
        expand("axis", "0"), squeeze()};
    for (Operator op : aliasing) {
      assertTrue(op.outputMayAliasInput(), op.name());
      assertArrayEquals(new int[] {13}, op.inferPrecisions(new Shape[] {Shape.of(2)}, new int[] {13}));
    }
    Operator[] copying = {Transpose.parse(OpAttrs.of()), Concatenate.parse(OpAttrs.of()),
        Repeat.parse(OpAttrs.of("repeats", "2")), Tile.parse(OpAttrs.of("reps", "2")),
        StridedSlice.parse(OpAttrs.of()), SliceLike.parse(OpAttrs.of()), Take.parse(OpAttrs.of()),
        Where.parse(OpAttrs.of())};
    for (Operator op : copying) {
      assertEquals(false, op.outputMayAliasInput(), op.name());
    }
  }
}
