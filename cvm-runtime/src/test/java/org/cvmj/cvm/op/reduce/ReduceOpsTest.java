package org.cvmj.cvm.op.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ReduceOpsTest {

  static Parallel chunked(int chunk) {
    return (n, cost, body) -> {
      for (int from = 0; from < n; from += chunk) {
        body.run(from, Math.min(n, from + chunk));
      }
    };
  }

  private static Sum sum(String... kv) throws OpException {
    return Sum.parse(OpAttrs.of(kv));
  }

  private static Max max(String... kv) throws OpException {
    return Max.parse(OpAttrs.of(kv));
  }

  private static Shape shape(Operator op, int... dims) throws OpException {
    return op.inferShapes(new Shape[] {Shape.of(dims)})[0];
  }

  /** 0, 1, 2, ... in row-major order. */
  private static Tensor iota(int... dims) {
    Shape s = Shape.of(dims);
    int[] v = new int[s.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(s, v);
  }

  private static Tensor run(Operator op, Tensor x, Parallel parallel) throws OpException {
    Shape ys = op.inferShapes(new Shape[] {x.shape()})[0];
    Tensor y = Tensor.zeros(ys);
    op.compute(new Tensor[] {x}, new Tensor[] {y}, parallel);
    return y;
  }

  private static Tensor run(Operator op, Tensor x) throws OpException {
    return run(op, x, Parallel.SERIAL);
  }

  // ---- attributes ----

  @Test
  void defaultsAndParsing() throws OpException {
    Sum s = sum();
    assertArrayEquals(new int[0], s.axis());
    assertEquals(false, s.keepdims());
    assertEquals(false, s.exclude());
    assertEquals("sum", s.name());
    assertEquals("max", max().name());
    assertEquals(1, s.numInputs());
    assertEquals(1, max().numInputs());
    // The reference parser stores the axes sorted.
    assertArrayEquals(new int[] {-1, 0, 2}, sum("axis", "(2, -1, 0)").axis());
    assertArrayEquals(new int[] {1}, max("axis", "1").axis());
    Sum t = sum("axis", "[1]", "keepdims", "True", "exclude", "1", "dtype", "int32");
    assertEquals(true, t.keepdims());
    assertEquals(true, t.exclude());
    assertEquals(t, sum("axis", "(1,)", "keepdims", "true", "exclude", "true"));
    assertNotEquals(t, sum("axis", "(2,)", "keepdims", "true", "exclude", "true"));
    assertEquals(t.hashCode(), sum("axis", "(1,)", "keepdims", "true", "exclude", "true").hashCode());
    assertTrue(t.toString().contains("(1)"), t.toString());
    sum("dtype", "same");
    max("dtype", "int8");
  }

  @Test
  void badAttributes() {
    assertThrows(OpException.class, () -> sum("axes", "(1,)"));
    assertThrows(OpException.class, () -> max("axis", "(a,)"));
    assertThrows(OpException.class, () -> max("axis", "(1,,2)"));
    assertThrows(OpException.class, () -> sum("axis", "(99999999999,)"));
    assertThrows(OpException.class, () -> sum("keepdims", "yes"));
    assertThrows(OpException.class, () -> sum("exclude", "2"));
    assertThrows(OpException.class, () -> sum("dtype", "int33"));
    assertThrows(OpException.class, () -> max("dtype", "INT32"));
  }

  @Test
  void axisArrayIsNotShared() throws OpException {
    int[] axis = {1};
    Sum s = new Sum(axis, false, false);
    axis[0] = 0;
    assertArrayEquals(new int[] {1}, s.axis());
    s.axis()[0] = 5;
    assertArrayEquals(new int[] {1}, s.axis());
  }

  // ---- shapes ----

  @Test
  void shapeRule() throws OpException {
    assertEquals(Shape.of(2, 4), shape(sum("axis", "(1,)"), 2, 3, 4));
    assertEquals(Shape.of(2, 1, 4), shape(sum("axis", "(1,)", "keepdims", "true"), 2, 3, 4));
    assertEquals(Shape.of(3), shape(sum("axis", "(1,)", "exclude", "true"), 2, 3, 4));
    assertEquals(Shape.of(1, 3, 1), shape(max("axis", "(1,)", "exclude", "true", "keepdims", "true"), 2, 3, 4));
    assertEquals(Shape.of(2, 3), shape(max("axis", "-1"), 2, 3, 4));
    assertEquals(Shape.of(3), shape(max("axis", "(0, -1)"), 2, 3, 4));
    assertEquals(Shape.of(1), shape(sum(), 2, 3, 4));
    assertEquals(Shape.of(1, 1, 1), shape(sum("keepdims", "true"), 2, 3, 4));
    assertEquals(Shape.of(1), shape(sum("axis", "(0, 1, 2)"), 2, 3, 4));
    assertEquals(Shape.of(1, 1, 1), shape(max("axis", "(0, 1, 2)", "keepdims", "true"), 2, 3, 4));
    // An empty axis reduces everything even with exclude.
    assertEquals(Shape.of(1), shape(sum("exclude", "true"), 2, 3, 4));
    // Excluding every axis reduces nothing, keepdims or not.
    assertEquals(Shape.of(2, 3, 4), shape(sum("axis", "(0, 1, 2)", "exclude", "true"), 2, 3, 4));
    assertEquals(Shape.of(2, 3, 4), shape(sum("axis", "(0,1,2)", "exclude", "true", "keepdims", "true"), 2, 3, 4));
    assertEquals(Shape.of(2, 1, 1, 4), shape(sum("axis", "2"), 2, 1, 3, 1, 4));
  }

  @Test
  void shapeErrors() throws OpException {
    OpException e = assertThrows(OpException.class, () -> shape(sum("axis", "3"), 2, 3, 4));
    assertTrue(e.getMessage().contains("3") && e.getMessage().contains("3 dimensions"), e.getMessage());
    assertThrows(OpException.class, () -> shape(sum("axis", "-4"), 2, 3, 4));
    assertThrows(OpException.class, () -> shape(max("axis", "(1, -2)"), 2, 3, 4));
    assertThrows(OpException.class, () -> shape(max("axis", "(1, 1)"), 2, 3, 4));
    assertThrows(OpException.class, () -> shape(sum("axis", "(0, 0)", "exclude", "true"), 2, 3, 4));
    assertThrows(OpException.class, () -> sum().inferShapes(new Shape[] {Shape.of(2), Shape.of(2)}));
    assertThrows(OpException.class, () -> max().inferShapes(new Shape[0]));
  }

  // ---- precision and gas ----

  private static int prec(Operator op, int p, int... dims) throws OpException {
    return op.inferPrecisions(new Shape[] {Shape.of(dims)}, new int[] {p})[0];
  }

  @Test
  void precisionRules() throws OpException {
    assertEquals(10, prec(sum("axis", "1"), 8, 2, 3, 4)); // 8 + bits(3)
    assertEquals(12, prec(sum("axis", "(1, 2)"), 8, 2, 3, 4)); // 8 + bits(12)
    assertEquals(13, prec(sum(), 8, 2, 3, 4)); // 8 + bits(24)
    assertEquals(12, prec(sum("axis", "1", "keepdims", "true"), 8, 2, 8, 4)); // 8 + bits(8)
    // Reducing nothing still adds bits(1) = 1, as the reference does.
    assertEquals(9, prec(sum("axis", "(0, 1, 2)", "exclude", "true"), 8, 2, 3, 4));
    assertEquals(8, prec(max("axis", "1"), 8, 2, 3, 4));
    assertEquals(5, prec(max(), 5, 2, 3, 4));
    assertThrows(OpException.class, () -> prec(sum("axis", "5"), 8, 2, 3, 4));
  }

  @Test
  void gasWeight() throws OpException {
    Shape[] in = {Shape.of(2, 3, 4)};
    Sum s = sum("axis", "1");
    assertEquals(3, s.opsPerElement(in, s.inferShapes(in)));
    Sum all = sum();
    assertEquals(24, all.opsPerElement(in, all.inferShapes(in)));
    Max m = max("axis", "1");
    assertEquals(1, m.opsPerElement(in, m.inferShapes(in)));
  }

  // ---- values ----

  @Test
  void sumOverEachAxis() throws OpException {
    Tensor x = Tensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    assertArrayEquals(new int[] {5, 7, 9}, run(sum("axis", "0"), x).toArray());
    assertArrayEquals(new int[] {6, 15}, run(sum("axis", "1"), x).toArray());
    assertArrayEquals(new int[] {6, 15}, run(sum("axis", "-1"), x).toArray());
    Tensor kept = run(sum("axis", "-1", "keepdims", "true"), x);
    assertEquals(Shape.of(2, 1), kept.shape());
    assertArrayEquals(new int[] {6, 15}, kept.toArray());
    assertArrayEquals(new int[] {21}, run(sum(), x).toArray());
    assertArrayEquals(new int[] {21}, run(sum("axis", "(0, 1)"), x).toArray());
    assertArrayEquals(new int[] {6, 15}, run(sum("axis", "0", "exclude", "true"), x).toArray());
  }

  @Test
  void sumWrapsAt32Bits() throws OpException {
    Tensor x = Tensor.of(Shape.of(3), Integer.MAX_VALUE, 1, 1);
    assertArrayEquals(new int[] {Integer.MIN_VALUE + 1}, run(sum(), x).toArray());
  }

  @Test
  void maxOverAxes() throws OpException {
    Tensor x = Tensor.of(Shape.of(2, 3), 1, 9, -3, -4, 5, 6);
    assertArrayEquals(new int[] {1, 9, 6}, run(max("axis", "0"), x).toArray());
    assertArrayEquals(new int[] {9, 6}, run(max("axis", "1"), x).toArray());
    assertArrayEquals(new int[] {9}, run(max(), x).toArray());
  }

  @Test
  void maxOfAllNegativeIsTheTrueMaximum() throws OpException {
    // Both reference backends return 0 for axis=() here; the explicit axes give -1 there too.
    Tensor x = Tensor.of(Shape.of(2, 2), -5, -1, -7, -3);
    assertArrayEquals(new int[] {-1}, run(max(), x).toArray());
    assertArrayEquals(new int[] {-1}, run(max("axis", "(0, 1)"), x).toArray());
    assertArrayEquals(new int[] {-1}, run(max("exclude", "true"), x).toArray());
    assertArrayEquals(new int[] {Integer.MIN_VALUE},
        run(max(), Tensor.of(Shape.of(2), Integer.MIN_VALUE, Integer.MIN_VALUE)).toArray());
  }

  @Test
  void interleavedSizeOneDimensions() throws OpException {
    // x (2,1,3,1,4) holding 0..23: element (a,0,c,0,d) = 12a + 4c + d. Reducing c (axis 2):
    // sum = 36a + 3d + 12, max = 12a + 8 + d. The CPU backend's index walk gets this case wrong.
    Tensor x = iota(2, 1, 3, 1, 4);
    Tensor s = run(sum("axis", "2"), x);
    assertEquals(Shape.of(2, 1, 1, 4), s.shape());
    assertArrayEquals(new int[] {12, 15, 18, 21, 48, 51, 54, 57}, s.toArray());
    Tensor m = run(max("axis", "2"), x);
    assertArrayEquals(new int[] {8, 9, 10, 11, 20, 21, 22, 23}, m.toArray());
    Tensor k = run(sum("axis", "2", "keepdims", "true"), x);
    assertEquals(Shape.of(2, 1, 1, 1, 4), k.shape());
    assertArrayEquals(new int[] {12, 15, 18, 21, 48, 51, 54, 57}, k.toArray());
    // Reducing a size-1 axis copies.
    assertArrayEquals(x.toArray(), run(sum("axis", "(1, 3)"), x).toArray());
    // (3,1,2) reduced over axis 0 keeps the size-1 axis in the middle: 0+2+4, 1+3+5.
    assertArrayEquals(new int[] {6, 9}, run(sum("axis", "0"), iota(3, 1, 2)).toArray());
  }

  @Test
  void excludeReducesTheComplement() throws OpException {
    // x (2,3,4) = 12a + 4b + d; exclude axis 1 sums over a and d: 60 + 32b.
    Tensor x = iota(2, 3, 4);
    assertArrayEquals(new int[] {60, 92, 124}, run(sum("axis", "1", "exclude", "true"), x).toArray());
    // max over a and d: 12 + 4b + 3
    assertArrayEquals(new int[] {15, 19, 23}, run(max("axis", "1", "exclude", "true"), x).toArray());
    // Excluding every axis copies.
    assertArrayEquals(x.toArray(), run(sum("axis", "(0, 1, 2)", "exclude", "true"), x).toArray());
    assertArrayEquals(x.toArray(), run(max("axis", "(0, 1, 2)", "exclude", "true"), x).toArray());
  }

  @Test
  void nonAdjacentReducedAxes() throws OpException {
    // x (2,3,4) = 12a + 4b + d; axes (0, 2): same as exclude 1. Axis (0,1): sum over a,b = 4*... per d:
    // sum_{a,b} (12a + 4b + d) = 3*12 + 2*4*3 + 6d = 60 + 6d.
    Tensor x = iota(2, 3, 4);
    assertArrayEquals(new int[] {60, 92, 124}, run(sum("axis", "(0, 2)"), x).toArray());
    assertArrayEquals(new int[] {60, 66, 72, 78}, run(sum("axis", "(0, 1)"), x).toArray());
    assertArrayEquals(new int[] {20, 21, 22, 23}, run(max("axis", "(0, 1)"), x).toArray());
  }

  /** Direct multi-index reduction, for comparison. */
  private static int[] naive(boolean isSum, Tensor x, boolean[] reduced, Shape ys) {
    Shape xs = x.shape();
    int[] out = new int[ys.elements()];
    boolean[] seen = new boolean[out.length];
    int n = xs.ndim();
    int[] idx = new int[n];
    for (int i = 0; i < xs.elements(); i++) {
      int rem = i;
      for (int d = n - 1; d >= 0; d--) {
        idx[d] = rem % xs.dim(d);
        rem /= xs.dim(d);
      }
      int o = 0;
      for (int d = 0; d < n; d++) {
        if (!reduced[d]) {
          o = o * xs.dim(d) + idx[d];
        }
      }
      int v = x.data()[i];
      if (!seen[o]) {
        out[o] = v;
        seen[o] = true;
      } else {
        out[o] = isSum ? out[o] + v : Math.max(out[o], v);
      }
    }
    return out;
  }

  @Test
  void matchesDirectReductionForManyAxisSetsAndChunks() throws OpException {
    int[][] shapes = {{2, 1, 3, 1, 4}, {3, 4, 5}, {1, 6, 1, 1, 2, 3}, {5, 1}};
    java.util.Random rnd = new java.util.Random(7);
    for (int[] dims : shapes) {
      Shape xs = Shape.of(dims);
      int[] v = new int[xs.elements()];
      for (int i = 0; i < v.length; i++) {
        v[i] = rnd.nextInt(2001) - 1000;
      }
      Tensor x = Tensor.of(xs, v);
      int n = dims.length;
      for (int mask = 1; mask < (1 << n); mask++) {
        StringBuilder axes = new StringBuilder("(");
        boolean[] reduced = new boolean[n];
        for (int d = 0; d < n; d++) {
          if ((mask & (1 << d)) != 0) {
            axes.append(d - (d % 2 == 0 ? 0 : n)).append(',');
            reduced[d] = true;
          }
        }
        String axis = axes.append(')').toString();
        for (boolean isSum : new boolean[] {true, false}) {
          Operator op = isSum ? sum("axis", axis) : max("axis", axis);
          Shape ys = op.inferShapes(new Shape[] {xs})[0];
          int[] expected = naive(isSum, x, reduced, ys);
          for (int chunk : new int[] {1, 2, 5, 1 << 20}) {
            assertArrayEquals(expected, run(op, x, chunked(chunk)).toArray(), op + " on " + xs);
          }
          boolean[] complement = new boolean[n];
          for (int d = 0; d < n; d++) {
            complement[d] = !reduced[d];
          }
          Operator ex = isSum ? sum("axis", axis, "exclude", "true") : max("axis", axis, "exclude", "true");
          Shape exs = ex.inferShapes(new Shape[] {xs})[0];
          assertArrayEquals(naive(isSum, x, complement, exs), run(ex, x, chunked(3)).toArray(), ex + " on " + xs);
        }
      }
    }
  }

  @Test
  void manyOuterReducedPositions() throws OpException {
    // Reducing axes 0 and 2 of (70000, 2, 2, 2): 70000 outer reduced positions, above the offset table.
    Tensor x = iota(70000, 2, 2, 2);
    Tensor s = run(sum("axis", "(0, 2)"), x);
    assertEquals(Shape.of(2, 2), s.shape());
    // element (a,b,c,d) = 8a + 4b + 2c + d; sum over a<70000, c<2: 2*8*sum(a) + 70000*(2*(4b+d) + 2)
    long sumA = 70000L * 69999 / 2;
    int[] expected = new int[4];
    for (int b = 0; b < 2; b++) {
      for (int d = 0; d < 2; d++) {
        expected[b * 2 + d] = (int) (16 * sumA + 70000L * (2 * (4 * b + d) + 2));
      }
    }
    assertArrayEquals(expected, s.toArray());
    Tensor m = run(max("axis", "(0, 2)"), x, chunked(3));
    assertArrayEquals(new int[] {8 * 69999 + 2, 8 * 69999 + 3, 8 * 69999 + 6, 8 * 69999 + 7}, m.toArray());
  }

  @Test
  void usesTheShapeNotTheBufferLength() throws OpException {
    Tensor x = new Tensor(new int[] {1, 2, 3, 4, 1000, 1000}, Shape.of(2, 2));
    int[] buf = {-9, -9, -9, -9};
    Sum s = sum("axis", "1");
    s.compute(new Tensor[] {x}, new Tensor[] {new Tensor(buf, Shape.of(2))}, Parallel.SERIAL);
    assertArrayEquals(new int[] {3, 7, -9, -9}, buf);
    int[] one = {-9, -9};
    Max m = max();
    m.compute(new Tensor[] {x}, new Tensor[] {new Tensor(one, Shape.of(1))}, Parallel.SERIAL);
    assertArrayEquals(new int[] {4, -9}, one);
  }
}
