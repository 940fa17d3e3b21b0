package org.cvmj.cvm.op.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** Runs one operator the way the executor does, serially and in small chunks, and checks both agree. */
final class OpRunner {
  private OpRunner() {}

  /** Hands out the range in fixed chunks, so kernels must start correctly in the middle of a run. */
  static Parallel chunked(int chunk) {
    return (n, cost, body) -> {
      for (int from = 0; from < n; from += chunk) {
        body.run(from, Math.min(n, from + chunk));
      }
    };
  }

  static Tensor t(int[] dims, int... values) {
    return Tensor.of(Shape.of(dims), values);
  }

  static int[] s(int... dims) {
    return dims;
  }

  /** Row-major 0, 1, 2, ... in the given shape. */
  static Tensor iota(int... dims) {
    Shape shape = Shape.of(dims);
    int[] v = new int[shape.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return new Tensor(v, shape);
  }

  static Shape shapeOf(Operator op, Shape... in) throws OpException {
    Shape[] out = op.inferShapes(in);
    assertEquals(1, out.length);
    return out[0];
  }

  static Shape shapeOf(Operator op, int[]... in) throws OpException {
    Shape[] shapes = new Shape[in.length];
    for (int i = 0; i < in.length; i++) {
      shapes[i] = Shape.of(in[i]);
    }
    return shapeOf(op, shapes);
  }

  /** Infers the output shape, computes, and returns the output (checked against a chunked run). */
  static Tensor run(Operator op, Tensor... in) throws OpException {
    Shape[] shapes = new Shape[in.length];
    for (int i = 0; i < in.length; i++) {
      shapes[i] = in[i].shape();
    }
    Shape ys = shapeOf(op, shapes);
    Tensor y = Tensor.zeros(ys);
    op.compute(in, new Tensor[] {y}, Parallel.SERIAL);
    for (int chunk : new int[] {1, 3}) {
      Tensor z = Tensor.zeros(ys);
      op.compute(in, new Tensor[] {z}, chunked(chunk));
      assertArrayEquals(y.toArray(), z.toArray(), "chunk " + chunk);
    }
    return y;
  }
}
