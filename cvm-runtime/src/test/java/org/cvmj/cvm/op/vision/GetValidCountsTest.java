package org.cvmj.cvm.op.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GetValidCountsTest {

  private static GetValidCounts op(String... kv) throws OpException {
    return GetValidCounts.parse(OpAttrs.of(kv));
  }

  @Test
  void attributes() throws OpException {
    assertEquals(0, op().scoreThreshold());
    assertEquals(-3, op("score_threshold", "-3").scoreThreshold());
    assertThrows(OpException.class, () -> op("score_threshold", "0.5"));
    assertThrows(OpException.class, () -> op("id_index", "0"));
    GetValidCounts g = op();
    assertEquals("get_valid_counts", g.name());
    assertEquals(1, g.numInputs());
    assertEquals(2, g.numOutputs());
  }

  @Test
  void shapes() throws OpException {
    Shape[] out = op().inferShapes(new Shape[] {Shape.of(2, 5, 6)});
    assertEquals(2, out.length);
    assertEquals(Shape.of(2), out[0]);
    assertEquals(Shape.of(2, 5, 6), out[1]);
    assertEquals(Shape.of(1, 3, 2), op().inferShapes(new Shape[] {Shape.of(1, 3, 2)})[1]);
    assertEquals(Shape.of(1, 3, 31), op().inferShapes(new Shape[] {Shape.of(1, 3, 31)})[1]);
    OpException e = assertThrows(OpException.class, () -> op().inferShapes(new Shape[] {Shape.of(1, 3, 32)}));
    assertTrue(e.getMessage().contains("32"), e.getMessage());
    assertThrows(OpException.class, () -> op().inferShapes(new Shape[] {Shape.of(1, 3, 1)}));
    assertThrows(OpException.class, () -> op().inferShapes(new Shape[] {Shape.of(3, 6)}));
    assertThrows(OpException.class, () -> op().inferShapes(new Shape[] {Shape.of(1, 1, 3, 6)}));
    assertThrows(OpException.class, () -> op().inferShapes(new Shape[0]));
  }

  @Test
  void precisions() throws OpException {
    // numprec(N*K) = bits(31) + 1 = 6 for N*K = 30, whatever the batch; output 1 keeps the input's.
    assertArrayEquals(new int[] {6, 8}, op().inferPrecisions(new Shape[] {Shape.of(1, 5, 6)}, new int[] {8}));
    assertArrayEquals(new int[] {6, 12}, op().inferPrecisions(new Shape[] {Shape.of(4, 5, 6)}, new int[] {12}));
    // N*K = 2: bits(3) + 1 = 3
    assertArrayEquals(new int[] {3, 1}, op().inferPrecisions(new Shape[] {Shape.of(2, 1, 2)}, new int[] {1}));
    assertEquals(1, op().opsPerElement(new Shape[] {Shape.of(4, 5, 6)}, new Shape[] {Shape.of(4), Shape.of(4, 5, 6)}));
  }

  @Test
  void keepsRowsAboveTheThresholdInOrder() throws OpException {
    Tensor x = Tensor.of(Shape.of(2, 4, 3),
        // batch 0: scores 5, 0, 7, -2 -> rows 0 and 2 kept with threshold 0
        1, 5, 10,
        2, 0, 20,
        3, 7, 30,
        4, -2, 40,
        // batch 1: nothing above 0
        5, 0, 50,
        6, -1, 60,
        7, 0, 70,
        8, -9, 80);
    Tensor count = Tensor.zeros(Shape.of(2));
    Tensor y = Tensor.zeros(Shape.of(2, 4, 3));
    op().compute(new Tensor[] {x}, new Tensor[] {count, y}, Parallel.SERIAL);
    assertArrayEquals(new int[] {2, 0}, count.toArray());
    assertArrayEquals(new int[] {
        1, 5, 10, 3, 7, 30, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, y.toArray());

    // threshold -1: strictly greater, so the row scoring -1 stays out and the one scoring 0 is in.
    op("score_threshold", "-1").compute(new Tensor[] {x}, new Tensor[] {count, y}, Parallel.SERIAL);
    assertArrayEquals(new int[] {3, 2}, count.toArray());
    assertArrayEquals(new int[] {
        1, 5, 10, 2, 0, 20, 3, 7, 30, -1, -1, -1,
        5, 0, 50, 7, 0, 70, -1, -1, -1, -1, -1, -1}, y.toArray());
  }

  @Test
  void allRowsValid() throws OpException {
    Tensor x = Tensor.of(Shape.of(1, 2, 2), 0, 1, 0, 2);
    Tensor count = Tensor.zeros(Shape.of(1));
    Tensor y = Tensor.zeros(Shape.of(1, 2, 2));
    op().compute(new Tensor[] {x}, new Tensor[] {count, y}, Parallel.SERIAL);
    assertArrayEquals(new int[] {2}, count.toArray());
    assertArrayEquals(new int[] {0, 1, 0, 2}, y.toArray());
  }

  @Test
  void usesTheShapeNotTheBufferLength() throws OpException {
    Tensor x = new Tensor(new int[] {0, 3, 0, 0, 77, 77}, Shape.of(1, 2, 2));
    int[] c = {-9, -9};
    int[] yb = {-9, -9, -9, -9, -9};
    op().compute(new Tensor[] {x}, new Tensor[] {new Tensor(c, Shape.of(1)), new Tensor(yb, Shape.of(1, 2, 2))},
        Parallel.SERIAL);
    assertArrayEquals(new int[] {1, -9}, c);
    assertArrayEquals(new int[] {0, 3, -1, -1, -9}, yb);
  }
}
