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
import org.junit.jupiter.api.Test;

class ReshapeTest {

  private static Shape reshape(String codes, int... input) throws OpException {
    return shapeOf(Reshape.parse(OpAttrs.of("shape", codes)), input);
  }

  private static void rejects(String codes, int... input) {
    assertThrows(OpException.class, () -> reshape(codes, input), codes);
  }

  @Test
  void plainShape() throws OpException {
    assertEquals(Shape.of(6, 4), reshape("(6, 4)", 2, 3, 4));
    assertEquals(Shape.of(24), reshape("24", 2, 3, 4));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5},
        run(Reshape.parse(OpAttrs.of("shape", "(3, 2)")), iota(2, 3)).toArray());
  }

  @Test
  void zeroCopiesTheInputDimension() throws OpException {
    assertEquals(Shape.of(4, 3, 2), reshape("(4, 0, 2)", 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4), reshape("(2, 0, 0)", 2, 3, 4));
  }

  @Test
  void minusOneIsInferred() throws OpException {
    assertEquals(Shape.of(6, 1, 4), reshape("(6, 1, -1)", 2, 3, 4));
    assertEquals(Shape.of(3, 1, 8), reshape("(3, -1, 8)", 2, 3, 4));
    assertEquals(Shape.of(24), reshape("(-1,)", 2, 3, 4));
    assertEquals(Shape.of(2, 12), reshape("(0, -1)", 2, 3, 4));
  }

  @Test
  void minusTwoCopiesTheRest() throws OpException {
    assertEquals(Shape.of(2, 3, 4), reshape("(-2,)", 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4), reshape("(2, -2)", 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4, 1, 1), reshape("(-2, 1, 1)", 2, 3, 4));
  }

  @Test
  void minusThreeMergesTwo() throws OpException {
    assertEquals(Shape.of(6, 4), reshape("(-3, 4)", 2, 3, 4));
    assertEquals(Shape.of(6, 20), reshape("(-3, -3)", 2, 3, 4, 5));
    assertEquals(Shape.of(2, 12), reshape("(0, -3)", 2, 3, 4));
    assertEquals(Shape.of(6, 4), reshape("(-3, -2)", 2, 3, 4));
  }

  @Test
  void minusFourSplitsOne() throws OpException {
    assertEquals(Shape.of(1, 2, 3, 4), reshape("(-4, 1, 2, -2)", 2, 3, 4));
    assertEquals(Shape.of(2, 1, 3, 4), reshape("(2, -4, -1, 3, -2)", 2, 3, 4));
    assertEquals(Shape.of(2, 3), reshape("(-4, 2, -1)", 6));
  }

  @Test
  void referenceQuirksThatDecideWhatLoads() throws OpException {
    // Codes below -4 are skipped without consuming an input dimension.
    assertEquals(Shape.of(6), reshape("(-5, 6)", 2, 3));
    // The -1 value is stored at the code's index in `shape`, not at its output position.
    assertEquals(Shape.of(4, 1), reshape("(-2, -1)", 4));
    rejects("(-2, -1)", 2, 3, 4);
    // ... and dropped when that index is past the end of the output.
    assertEquals(Shape.of(2, 3, 1), reshape("(-4, 2, 3, -1)", 6));
    // The known part of -1 is a 32-bit product: 2·2·(2^30+1) wraps to 4.
    assertEquals(Shape.of(2, 2, 1, 1), reshape("(-2, 1073741825, -1)", 2, 2));
  }

  @Test
  void invalidCodes() {
    rejects("(-1, -1)", 2, 3, 4);
    rejects("(0, 0, 0, 0)", 2, 3, 4);
    rejects("(2, 3, -3)", 2, 3, 4);
    rejects("(-4, 2)", 6);
    rejects("(-4, -1, -1)", 6);
    rejects("(-4, 4, -1)", 6);
    rejects("(-4, -1, 0)", 6);
    rejects("(-4, 0, -1)", 6);
    rejects("(5, 5)", 2, 3, 4);
    rejects("(7, -1)", 2, 3, 4);
    // -4 with (-2, -3) passes the reference's split check, but a negative dimension can never load.
    rejects("(-4, -2, -3)", 6);
    // 65536·65536 wraps to 0 in 32 bits: the reference divides by zero.
    rejects("(65536, 65536, -1)", 4);
    rejects("(2147483647, 2147483647, 2147483647, 8)", 8);
    rejects("(-5,)", 1);
  }

  @Test
  void shapeIsRequiredAndNotEmpty() {
    assertThrows(OpException.class, () -> Reshape.parse(OpAttrs.of()));
    assertThrows(OpException.class, () -> Reshape.parse(OpAttrs.of("shape", "()")));
    assertThrows(OpException.class, () -> Reshape.parse(OpAttrs.of("shape", "(2, x)")));
    assertThrows(OpException.class, () -> Reshape.parse(OpAttrs.of("shape", "(2,)", "reverse", "1")));
  }
}
