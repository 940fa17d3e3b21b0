package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertValues;
import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.iota;
import static org.cvmj.mrt.nn.OpHarness.run;
import static org.cvmj.mrt.nn.OpHarness.runAll;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class ShapeOpsTest {

  private static Shape reshape(String spec, int... in) {
    return infer("Reshape", attrs("shape", spec), Shape.of(in))[0];
  }

  @Test
  void reshapeSpecialValues() {
    // Examples from MXNet's Reshape documentation.
    assertEquals(Shape.of(2, 3, 4), reshape("(0, 0, 0)", 2, 3, 4));
    assertEquals(Shape.of(6, 1, 4), reshape("(6, 1, -1)", 2, 3, 4));
    assertEquals(Shape.of(3, 1, 8), reshape("(3, -1, 8)", 2, 3, 4));
    assertEquals(Shape.of(24), reshape("(-1,)", 2, 3, 4));
    assertEquals(Shape.of(4, 3, 2), reshape("(4, 0, 2)", 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4), reshape("(-2,)", 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4), reshape("(2, -2)", 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4, 1, 1), reshape("(-2, 1, 1)", 2, 3, 4));
    assertEquals(Shape.of(6, 4), reshape("(-3, 4)", 2, 3, 4));
    assertEquals(Shape.of(6, 20), reshape("(-3, -3)", 2, 3, 4, 5));
    assertEquals(Shape.of(2, 12), reshape("(0, -3)", 2, 3, 4));
    assertEquals(Shape.of(6, 4), reshape("(-3, -2)", 2, 3, 4));
    assertEquals(Shape.of(1, 2, 3, 4), reshape("(-4, 1, 2, -2)", 2, 3, 4));
    assertEquals(Shape.of(2, 1, 3, 4), reshape("(2, -4, -1, 3, -2)", 2, 3, 4));
    assertEquals(Shape.of(16, 49), reshape("(0, -1)", 16, 7, 7));
  }

  @Test
  void reshapeReverseMatchesFromTheRight() {
    // MXNet's example: (10, 5, 4) with (-1, 0): (40, 5) normally, (50, 4) reversed.
    assertEquals(Shape.of(40, 5), reshape("(-1, 0)", 10, 5, 4));
    assertEquals(Shape.of(50, 4), infer("Reshape", attrs("shape", "(-1, 0)", "reverse", "True"),
        Shape.of(10, 5, 4))[0]);
  }

  @Test
  void reshapeKeepsValuesInOrder() {
    FTensor y = run("reshape", attrs("shape", "(3, -1)"), iota(2, 3));
    assertValues(y, dims(3, 2), 0, 1, 2, 3, 4, 5);
  }

  @Test
  void reshapeErrors() {
    MrtException size = assertThrows(MrtException.class, () -> reshape("(5, -1)", 2, 3, 4));
    assertTrue(size.getMessage().startsWith("node 'n1' (Reshape): cannot reshape (2, 3, 4) to [5, -1]"),
        size.getMessage());
    MrtException two = assertThrows(MrtException.class, () -> reshape("(-1, -1)", 2, 3));
    assertEquals("node 'n1' (Reshape): shape [-1, -1] has more than one -1", two.getMessage());
    MrtException count = assertThrows(MrtException.class, () -> reshape("(7, 7)", 2, 3));
    assertTrue(count.getMessage().contains("(6 values) to [7, 7] = (7, 7) (49 values)"), count.getMessage());
    MrtException split = assertThrows(MrtException.class, () -> reshape("(-4, 4, -1, -2)", 2, 3, 4));
    assertTrue(split.getMessage().contains("cannot split axis of size 2"), split.getMessage());
    MrtException axes = assertThrows(MrtException.class, () -> reshape("(0, 0, 0)", 2, 3));
    assertTrue(axes.getMessage().contains("refers to more axes than input (2, 3) has"), axes.getMessage());
  }

  @Test
  void flatten() {
    assertEquals(Shape.of(2, 60), infer("Flatten", attrs(), Shape.of(2, 3, 4, 5))[0]);
    assertEquals(Shape.of(7, 1), infer("Flatten", attrs(), Shape.of(7))[0]);
    FTensor x = iota(2, 2, 2);
    FTensor y = run("Flatten", attrs(), x);
    assertEquals(Shape.of(2, 4), y.shape());
    assertSame(x.data(), y.data());
  }

  @Test
  void transpose() {
    assertValues(run("transpose", attrs(), iota(2, 3)), dims(3, 2), 0, 3, 1, 4, 2, 5);
    // (2, 3, 4) with axes (1, 2, 0): out[j][k][i] = x[i][j][k] = 12i + 4j + k.
    FTensor y = run("transpose", attrs("axes", "(1, 2, 0)"), iota(2, 3, 4));
    assertEquals(Shape.of(3, 4, 2), y.shape());
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < 2; i++) {
          assertEquals(12 * i + 4 * j + k, y.data()[(j * 4 + k) * 2 + i], 0f);
        }
      }
    }
    MrtException e = assertThrows(MrtException.class,
        () -> infer("transpose", attrs("axes", "(0, 0)"), Shape.of(2, 3)));
    assertEquals("node 'n1' (transpose): axes [0, 0] is not a permutation", e.getMessage());
  }

  @Test
  void expandDimsAndSqueeze() {
    assertEquals(Shape.of(2, 1, 3), infer("expand_dims", attrs("axis", "1"), Shape.of(2, 3))[0]);
    assertEquals(Shape.of(2, 3, 1), infer("expand_dims", attrs("axis", "-1"), Shape.of(2, 3))[0]);
    assertEquals(Shape.of(1, 2, 3), infer("expand_dims", attrs("axis", "-3"), Shape.of(2, 3))[0]);
    assertThrows(MrtException.class, () -> infer("expand_dims", attrs("axis", "3"), Shape.of(2, 3)));
    assertEquals(Shape.of(2, 3), infer("squeeze", attrs(), Shape.of(1, 2, 1, 3, 1))[0]);
    assertEquals(Shape.of(2, 1, 3), infer("squeeze", attrs("axis", "(0, -1)"), Shape.of(1, 2, 1, 3, 1))[0]);
    assertEquals(Shape.of(1), infer("squeeze", attrs(), Shape.of(1, 1))[0]);
    MrtException e = assertThrows(MrtException.class, () -> infer("squeeze", attrs("axis", "1"), Shape.of(1, 2)));
    assertEquals("node 'n1' (squeeze): cannot squeeze axis 1 of shape (1, 2): its size is 2, not 1", e.getMessage());
  }

  @Test
  void concat() {
    FTensor a = t(dims(2, 1), 1, 2);
    FTensor b = t(dims(2, 2), 10, 11, 20, 21);
    assertValues(run("Concat", attrs("num_args", "2"), a, b), dims(2, 3), 1, 10, 11, 2, 20, 21);
    assertValues(run("concat", attrs("dim", "0", "num_args", "2"), t(dims(1, 2), 1, 2), t(dims(1, 2), 3, 4)),
        dims(2, 2), 1, 2, 3, 4);
    assertValues(run("Concat", attrs("dim", "-1"), a, b), dims(2, 3), 1, 10, 11, 2, 20, 21);
    MrtException e = assertThrows(MrtException.class,
        () -> infer("Concat", attrs("num_args", "2"), Shape.of(2, 1), Shape.of(3, 2)));
    assertEquals("node 'n1' (Concat): input 1 has shape (3, 2), which does not match input 0 (2, 1) on every axis"
        + " but 1", e.getMessage());
  }

  @Test
  void sliceAxis() {
    assertValues(run("slice_axis", attrs("axis", "1", "begin", "1", "end", "3"), iota(2, 4)), dims(2, 2), 1, 2, 5, 6);
    assertValues(run("slice_axis", attrs("axis", "0", "begin", "-1", "end", "None"), iota(3, 2)), dims(1, 2), 4, 5);
    assertValues(run("slice_axis", attrs("axis", "-1", "begin", "0", "end", "-1"), iota(1, 3)), dims(1, 2), 0, 1);
    assertThrows(MrtException.class, () -> infer("slice_axis", attrs("axis", "1", "begin", "2", "end", "2"),
        Shape.of(2, 4)));
  }

  @Test
  void dropoutIsIdentityWithOnesMask() {
    FTensor x = t(dims(3), 1, -2, 3);
    FTensor[] out = runAll("Dropout", attrs("p", "0.5"), x);
    assertSame(x, out[0]);
    assertArrayEquals(new float[] {1, 1, 1}, out[1].data(), 0f);
  }

  @Test
  void fillLike() {
    assertValues(run("zeros_like", attrs(), t(dims(2), 5, 6)), dims(2), 0, 0);
    assertValues(run("ones_like", attrs(), t(dims(2), 5, 6)), dims(2), 1, 1);
  }
}
