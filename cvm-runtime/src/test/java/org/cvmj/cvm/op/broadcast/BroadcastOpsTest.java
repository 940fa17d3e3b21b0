package org.cvmj.cvm.op.broadcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BroadcastOpsTest {

  /** Runs the body in fixed chunks, so that kernels must start correctly in the middle of a run. */
  static Parallel chunked(int chunk) {
    return (n, cost, body) -> {
      for (int from = 0; from < n; from += chunk) {
        body.run(from, Math.min(n, from + chunk));
      }
    };
  }

  private static Operator op(String name) throws OpException {
    OpAttrs none = OpAttrs.of();
    return switch (name) {
      case "add" -> BroadcastAdd.parse(none);
      case "sub" -> BroadcastSub.parse(none);
      case "mul" -> BroadcastMul.parse(none);
      case "max" -> BroadcastMax.parse(none);
      case "div" -> BroadcastDiv.parse(none);
      case "greater" -> BroadcastGreater.parse(none);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static final List<String> ALL = List.of("add", "sub", "mul", "max", "div", "greater");

  private static int[] run(Operator op, Tensor a, Tensor b, Parallel parallel) throws OpException {
    Shape ys = op.inferShapes(new Shape[] {a.shape(), b.shape()})[0];
    Tensor y = Tensor.zeros(ys);
    op.compute(new Tensor[] {a, b}, new Tensor[] {y}, parallel);
    return y.toArray();
  }

  private static int[] run(Operator op, Tensor a, Tensor b) throws OpException {
    return run(op, a, b, Parallel.SERIAL);
  }

  private static Tensor t(int[] shape, int... values) {
    return Tensor.of(Shape.of(shape), values);
  }

  private static int[] s(int... dims) {
    return dims;
  }

  // ---- attributes ----

  @Test
  void namesAndArity() throws OpException {
    String[] names = {"broadcast_add", "broadcast_sub", "broadcast_mul", "broadcast_max", "broadcast_div",
        "broadcast_greater"};
    for (int i = 0; i < ALL.size(); i++) {
      Operator o = op(ALL.get(i));
      assertEquals(names[i], o.name());
      assertEquals(2, o.numInputs());
      assertEquals(1, o.numOutputs());
      assertEquals(false, o.outputMayAliasInput());
      assertEquals(1, o.opsPerElement(new Shape[] {Shape.of(4), Shape.of(4)}, new Shape[] {Shape.of(4)}));
    }
  }

  @Test
  void attributesAreRejected() {
    OpAttrs a = OpAttrs.of("axis", "1");
    assertThrows(OpException.class, () -> BroadcastAdd.parse(a));
    assertThrows(OpException.class, () -> BroadcastSub.parse(OpAttrs.of("x", "1")));
    assertThrows(OpException.class, () -> BroadcastMul.parse(OpAttrs.of("x", "1")));
    assertThrows(OpException.class, () -> BroadcastMax.parse(OpAttrs.of("x", "1")));
    assertThrows(OpException.class, () -> BroadcastDiv.parse(OpAttrs.of("x", "1")));
    assertThrows(OpException.class, () -> BroadcastGreater.parse(OpAttrs.of("x", "1")));
  }

  @Test
  void hiddenAttributesAreTolerated() throws OpException {
    assertEquals("broadcast_mul", BroadcastMul.parse(OpAttrs.of("__shape__", "(1,)")).name());
  }

  // ---- shapes ----

  private static Shape infer(Shape a, Shape b) throws OpException {
    return op("add").inferShapes(new Shape[] {a, b})[0];
  }

  @Test
  void shapeRule() throws OpException {
    assertEquals(Shape.of(2, 3), infer(Shape.of(2, 3), Shape.of(2, 3)));
    assertEquals(Shape.of(1, 3, 4, 5), infer(Shape.of(1, 3, 4, 5), Shape.of(3, 1, 1)));
    assertEquals(Shape.of(1, 3, 4, 5), infer(Shape.of(1, 3, 4, 5), Shape.of(1)));
    assertEquals(Shape.of(1, 3, 4, 5), infer(Shape.of(1), Shape.of(1, 3, 4, 5)));
    assertEquals(Shape.of(2, 3), infer(Shape.of(2, 1), Shape.of(1, 3)));
    assertEquals(Shape.of(2, 3), infer(Shape.of(3), Shape.of(2, 3)));
    assertEquals(Shape.of(4, 2, 3), infer(Shape.of(4, 1, 3), Shape.of(2, 1)));
    for (String name : ALL) {
      assertEquals(Shape.of(2, 5, 3),
          op(name).inferShapes(new Shape[] {Shape.of(2, 1, 3), Shape.of(5, 1)})[0], name);
    }
  }

  @Test
  void shapeErrorsNameTheShapes() throws OpException {
    OpException e = assertThrows(OpException.class, () -> infer(Shape.of(2, 3), Shape.of(3, 2)));
    assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 2)"), e.getMessage());
    assertThrows(OpException.class, () -> infer(Shape.of(4), Shape.of(3)));
    assertThrows(OpException.class, () -> infer(Shape.of(1, 3, 4, 5), Shape.of(3, 1, 2)));
    for (String name : ALL) {
      Operator o = op(name);
      assertThrows(OpException.class, () -> o.inferShapes(new Shape[] {Shape.of(2), Shape.of(3)}), name);
      assertThrows(OpException.class, () -> o.inferShapes(new Shape[] {Shape.of(2)}), name);
      assertThrows(OpException.class,
          () -> o.inferShapes(new Shape[] {Shape.of(2), Shape.of(2), Shape.of(2)}), name);
    }
  }

  // ---- precisions ----

  private static int prec(String name, Shape[] in, int pa, int pb) throws OpException {
    return op(name).inferPrecisions(in, new int[] {pa, pb})[0];
  }

  @Test
  void precisionRules() throws OpException {
    Shape[] in = {Shape.of(4), Shape.of(1)};
    assertEquals(9, prec("add", in, 8, 6));
    assertEquals(9, prec("add", in, 6, 8));
    assertEquals(10, prec("sub", in, 5, 9));
    assertEquals(16, prec("mul", in, 8, 8));
    assertEquals(11, prec("mul", in, 3, 8));
    assertEquals(7, prec("max", in, 3, 7));
    assertEquals(7, prec("max", in, 7, 3));
    assertEquals(8, prec("div", in, 8, 20));
    assertEquals(3, prec("div", in, 3, 1));
    assertEquals(8, prec("greater", in, 8, 3));
    assertEquals(3, prec("greater", in, 3, 30));
    // The reference's Same(in[0]) would say 1, which cannot hold the value 1.
    assertEquals(2, prec("greater", in, 1, 8));
    assertEquals(2, prec("greater", in, 2, 8));
  }

  // ---- arithmetic ----

  @Test
  void addWithBroadcasting() throws OpException {
    Tensor a = t(s(2, 3), 1, 2, 3, 4, 5, 6);
    assertArrayEquals(new int[] {11, 22, 33, 14, 25, 36}, run(op("add"), a, t(s(3), 10, 20, 30)));
    assertArrayEquals(new int[] {101, 102, 103, 204, 205, 206}, run(op("add"), a, t(s(2, 1), 100, 200)));
    // (2,1) + (1,3): both operands repeat along a different axis.
    assertArrayEquals(new int[] {11, 21, 31, 12, 22, 32},
        run(op("add"), t(s(2, 1), 1, 2), t(s(1, 3), 10, 20, 30)));
  }

  @Test
  void addAndSubWrap() throws OpException {
    Tensor a = t(s(3), Integer.MAX_VALUE, Integer.MIN_VALUE, -5);
    assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -4}, run(op("add"), a, t(s(1), 1)));
    assertArrayEquals(new int[] {Integer.MAX_VALUE - 1, Integer.MAX_VALUE, -6}, run(op("sub"), a, t(s(1), 1)));
    assertArrayEquals(new int[] {-5, 8, 0}, run(op("sub"), t(s(3), 1, 10, 3), t(s(3), 6, 2, 3)));
    // scalar first operand
    assertArrayEquals(new int[] {9, 8, 7}, run(op("sub"), t(s(1), 10), t(s(3), 1, 2, 3)));
  }

  @Test
  void mulWrapsAt32Bits() throws OpException {
    Tensor a = t(s(4), 65536, Integer.MAX_VALUE, -3, 46341);
    Tensor b = t(s(4), 65536, 2, 7, 46341);
    // 2^32 -> 0; (2^31-1)*2 -> -2; 46341^2 = 2147488281 -> -2147479015
    assertArrayEquals(new int[] {0, -2, -21, -2147479015}, run(op("mul"), a, b));
  }

  @Test
  void mulScalarAndPerChannelScale() throws OpException {
    // (1,2,2,2) x (1,): the whole-output scalar loop
    Tensor x = t(s(1, 2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8);
    assertArrayEquals(new int[] {-3, -6, -9, -12, -15, -18, -21, -24}, run(op("mul"), x, t(s(1), -3)));
    // (1,2,2,2) x (2,1,1): one run per channel
    assertArrayEquals(new int[] {10, 20, 30, 40, -50, -60, -70, -80}, run(op("mul"), x, t(s(2, 1, 1), 10, -10)));
    // same shape
    assertArrayEquals(new int[] {1, 4, 9, 16, 25, 36, 49, 64}, run(op("mul"), x, x));
    // scalar first operand (the "b varies" loop)
    assertArrayEquals(new int[] {2, 4, 6, 8, 10, 12, 14, 16}, run(op("mul"), t(s(1), 2), x));
  }

  @Test
  void maxElementwise() throws OpException {
    assertArrayEquals(new int[] {2, 2, 3, 4, 5, 6},
        run(op("max"), t(s(2, 3), 1, 2, 3, 4, 5, 6), t(s(2, 1), 2, 3)));
    assertArrayEquals(new int[] {-1, Integer.MIN_VALUE + 1},
        run(op("max"), t(s(2), -1, Integer.MIN_VALUE), t(s(2), Integer.MIN_VALUE, Integer.MIN_VALUE + 1)));
  }

  @Test
  void divTruncatesTowardZeroAndDivByZeroIsZero() throws OpException {
    Tensor a = t(s(6), -7, 7, -7, 7, 5, 0);
    Tensor b = t(s(6), 2, 2, -2, -2, 0, 0);
    assertArrayEquals(new int[] {-3, 3, 3, -3, 0, 0}, run(op("div"), a, b));
    // scalar zero divisor: the whole output is 0
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, run(op("div"), a, t(s(1), 0)));
    assertArrayEquals(new int[] {-2, 2, -2, 2, 1, 0}, run(op("div"), a, t(s(1), 3)));
    // scalar dividend
    assertArrayEquals(new int[] {-50, 0, 33}, run(op("div"), t(s(1), 100), t(s(3), -2, 0, 3)));
  }

  @Test
  void divMinValueByMinusOneIsMinValue() throws OpException {
    // Undefined (a trap on x86) in the C++ reference; Java defines the result as MIN_VALUE.
    assertArrayEquals(new int[] {Integer.MIN_VALUE, -Integer.MAX_VALUE},
        run(op("div"), t(s(2), Integer.MIN_VALUE, Integer.MAX_VALUE), t(s(1), -1)));
  }

  @Test
  void greater() throws OpException {
    assertArrayEquals(new int[] {0, 0, 1, 1, 1, 1},
        run(op("greater"), t(s(2, 3), 1, 2, 3, 4, 5, 6), t(s(2, 1), 2, 3)));
    assertArrayEquals(new int[] {1, 0, 0},
        run(op("greater"), t(s(3), Integer.MAX_VALUE, Integer.MIN_VALUE, 0), t(s(1), 0)));
    assertArrayEquals(new int[] {1, 1, 0},
        run(op("greater"), t(s(1), 0), t(s(3), Integer.MIN_VALUE, -1, 0)));
  }

  @Test
  void singleElementOutput() throws OpException {
    assertArrayEquals(new int[] {12}, run(op("mul"), t(s(1, 1), 3), t(s(1), 4)));
    assertArrayEquals(new int[] {7}, run(op("add"), t(s(1), 3), t(s(1), 4)));
  }

  @Test
  void usesTheShapeNotTheBufferLength() throws OpException {
    // Storage shared with larger entries: only the first size() elements belong to each tensor.
    Tensor a = new Tensor(new int[] {1, 2, 3, 99, 99}, Shape.of(3));
    Tensor b = new Tensor(new int[] {10, 77, 77, 77}, Shape.of(1));
    int[] buf = {-9, -9, -9, -9, -9, -9};
    Tensor y = new Tensor(buf, Shape.of(3));
    op("add").compute(new Tensor[] {a, b}, new Tensor[] {y}, Parallel.SERIAL);
    assertArrayEquals(new int[] {11, 12, 13, -9, -9, -9}, buf);
  }

  /** Straightforward index arithmetic for every output element, to compare the run-based kernels with. */
  private static int[] naive(String name, Tensor a, Tensor b, Shape ys) {
    int n = ys.ndim();
    int[] out = new int[ys.elements()];
    int[] idx = new int[n];
    for (int i = 0; i < out.length; i++) {
      int rem = i;
      for (int d = n - 1; d >= 0; d--) {
        idx[d] = rem % ys.dim(d);
        rem /= ys.dim(d);
      }
      int av = a.data()[flat(a.shape(), idx)];
      int bv = b.data()[flat(b.shape(), idx)];
      out[i] = switch (name) {
        case "add" -> av + bv;
        case "sub" -> av - bv;
        case "mul" -> av * bv;
        case "max" -> Math.max(av, bv);
        case "div" -> bv == 0 ? 0 : av / bv;
        case "greater" -> av > bv ? 1 : 0;
        default -> throw new IllegalArgumentException(name);
      };
    }
    return out;
  }

  private static int flat(Shape s, int[] outIdx) {
    int off = 0;
    int lead = outIdx.length - s.ndim();
    for (int d = 0; d < s.ndim(); d++) {
      int i = s.dim(d) == 1 ? 0 : outIdx[lead + d];
      off = off * s.dim(d) + i;
    }
    return off;
  }

  @Test
  void runsMatchIndexArithmeticForMixedShapesAndChunks() throws OpException {
    int[][][] pairs = {
        {{2, 1, 3, 1, 4}, {1, 5, 1, 2, 1}},
        {{1, 3, 4, 5}, {3, 1, 1}},
        {{1, 3, 4, 5}, {1}},
        {{3, 1}, {1, 3, 1, 4}},
        {{4, 1, 1, 3}, {4, 2, 2, 3}},
        {{2, 3, 4}, {2, 3, 4}},
        {{1, 1, 6}, {5, 1, 1}},
    };
    Random rnd = new Random(42);
    for (int[][] p : pairs) {
      Shape as = Shape.of(p[0]);
      Shape bs = Shape.of(p[1]);
      Tensor a = random(rnd, as);
      Tensor b = random(rnd, bs);
      for (String name : ALL) {
        Operator o = op(name);
        Shape ys = o.inferShapes(new Shape[] {as, bs})[0];
        int[] expected = naive(name, a, b, ys);
        for (int chunk : new int[] {1, 3, 7, 1 << 20}) {
          assertArrayEquals(expected, run(o, a, b, chunked(chunk)), name + " " + as + " " + bs + " chunk " + chunk);
        }
        // operands swapped
        Shape ys2 = o.inferShapes(new Shape[] {bs, as})[0];
        assertArrayEquals(naive(name, b, a, ys2), run(o, b, a, chunked(5)), name + " swapped");
      }
    }
  }

  private static Tensor random(Random rnd, Shape s) {
    int[] v = new int[s.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextInt(21) - 10;
    }
    return Tensor.of(s, v);
  }
}
