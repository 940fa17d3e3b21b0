package org.cvmj.mrt.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** Runs one operator on tensors the way the executor does: parse, infer shapes, forward, check shapes. */
final class OpHarness {
  private OpHarness() {}

  /** Attributes from alternating key, value strings. */
  static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static FNode node(String op, Map<String, String> attrs, int inputs) {
    List<Entry> in = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      in.add(new Entry(i, 0));
    }
    return new FNode(op, "n1", attrs, in);
  }

  static FloatOp parse(String op, Map<String, String> attrs, int inputs) {
    return FloatOps.parse(node(op, attrs, inputs));
  }

  static FTensor[] runAll(String op, Map<String, String> attrs, FTensor... in) {
    FloatOp f = parse(op, attrs, in.length);
    Shape[] shapes = f.inferShapes(NodeOp.shapesOf(in));
    FTensor[] out = f.forward(in);
    assertEquals(f.numOutputs(), out.length);
    for (int i = 0; i < out.length; i++) {
      assertEquals(shapes[i], out[i].shape(), "output " + i + " shape vs shape rule");
    }
    return out;
  }

  static FTensor run(String op, Map<String, String> attrs, FTensor... in) {
    return runAll(op, attrs, in)[0];
  }

  static Shape[] infer(String op, Map<String, String> attrs, Shape... in) {
    return parse(op, attrs, in.length).inferShapes(in);
  }

  static FTensor t(Shape s, float... v) {
    return new FTensor(s, v);
  }

  static FTensor t(int[] dims, float... v) {
    return new FTensor(Shape.of(dims), v);
  }

  static int[] dims(int... d) {
    return d;
  }

  /** 0, 1, 2, ... n-1 as floats. */
  static FTensor iota(int... dims) {
    Shape s = Shape.of(dims);
    float[] v = new float[s.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return new FTensor(s, v);
  }

  static FTensor random(SplittableRandom rnd, int... dims) {
    Shape s = Shape.of(dims);
    float[] v = new float[s.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextDouble(-1, 1);
    }
    return new FTensor(s, v);
  }

  static void assertValues(FTensor actual, int[] dims, float... expected) {
    assertEquals(Shape.of(dims), actual.shape());
    assertArrayEquals(expected, actual.data(), 1e-6f);
  }

  /** |a - e| &lt;= rel * scale[i] + 1e-7, where scale is the sum of absolute terms behind each expected value. */
  static void assertClose(double[] expected, double[] scale, float[] actual, double rel) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      double tol = rel * scale[i] + 1e-7;
      assertTrue(Math.abs(actual[i] - expected[i]) <= tol,
          "element " + i + ": expected " + expected[i] + " +- " + tol + ", got " + actual[i]);
    }
  }
}
