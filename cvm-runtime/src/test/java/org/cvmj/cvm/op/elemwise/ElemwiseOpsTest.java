package org.cvmj.cvm.op.elemwise;

import static org.cvmj.cvm.op.OpTesting.attrs;
import static org.cvmj.cvm.op.OpTesting.run;
import static org.cvmj.cvm.op.OpTesting.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

class ElemwiseOpsTest {
  private static final Shape S4 = Shape.of(2, 2);

  @Test
  void absKeepsMinValueAsCDoes() throws Exception {
    assertArrayEquals(new int[] {3, 0, 5, Integer.MIN_VALUE},
        run(Abs.parse(attrs()), t(S4, -3, 0, 5, Integer.MIN_VALUE)));
  }

  @Test
  void negativeWrapsAndMayNotAliasItsInput() throws Exception {
    Negative op = Negative.parse(attrs());
    assertArrayEquals(new int[] {3, 0, -5, Integer.MIN_VALUE}, run(op, t(S4, -3, 0, 5, Integer.MIN_VALUE)));
    assertFalse(op.outputMayAliasInput());
    assertTrue(Abs.parse(attrs()).outputMayAliasInput());
  }

  @Test
  void clipUsesItsBoundsAndTheirPrecision() throws Exception {
    Clip op = Clip.parse(attrs("a_min", "-10", "a_max", "100"));
    assertArrayEquals(new int[] {-10, -10, 50, 100}, run(op, t(S4, -11, -10, 50, 101)));
    // numprec(100) = bits(101) + 1 = 8
    assertEquals(8, op.inferPrecisions(new Shape[] {S4}, new int[] {32})[0]);
    Clip wide = Clip.parse(attrs("a_min", "-2147483648", "a_max", "0"));
    assertEquals(33, wide.inferPrecisions(new Shape[] {S4}, new int[] {8})[0], "loader rejects > 32 later");
    assertThrows(OpException.class, () -> Clip.parse(attrs("a_min", "5", "a_max", "5")));
  }

  @Test
  void addAndSubWrapInThirtyTwoBits() throws Exception {
    assertArrayEquals(new int[] {3, Integer.MIN_VALUE, 0, -2},
        run(ElemwiseAdd.parse(attrs()), t(S4, 1, Integer.MAX_VALUE, -5, -1), t(S4, 2, 1, 5, -1)));
    assertArrayEquals(new int[] {-1, Integer.MAX_VALUE, -10, 0},
        run(ElemwiseSub.parse(attrs()), t(S4, 1, Integer.MIN_VALUE, -5, -1), t(S4, 2, 1, 5, -1)));
    assertEquals(9, ElemwiseAdd.parse(attrs()).inferPrecisions(new Shape[] {S4, S4}, new int[] {8, 5})[0]);
    assertThrows(OpException.class,
        () -> ElemwiseAdd.parse(attrs()).inferShapes(new Shape[] {S4, Shape.of(4)}));
  }

  @Test
  void parameterlessOperatorsRejectAttributes() {
    OpException e = assertThrows(OpException.class, () -> Abs.parse(attrs("axis", "1")));
    assertTrue(e.getMessage().contains("axis"), e.getMessage());
  }
}
