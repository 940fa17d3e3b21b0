package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertValues;
import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.iota;
import static org.cvmj.mrt.nn.OpHarness.random;
import static org.cvmj.mrt.nn.OpHarness.run;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
  private static final Map<String, String> NONE = attrs();

  @Test
  void elemwiseNeedsEqualShapes() {
    FTensor a = t(dims(2), 6, 8);
    FTensor b = t(dims(2), 2, 4);
    assertValues(run("elemwise_add", NONE, a, b), dims(2), 8, 12);
    assertValues(run("elemwise_sub", NONE, a, b), dims(2), 4, 4);
    assertValues(run("_mul", NONE, a, b), dims(2), 12, 32);
    assertValues(run("_div", NONE, a, b), dims(2), 3, 2);
    assertValues(run("_plus", NONE, a, b), dims(2), 8, 12);
    assertValues(run("_minus", NONE, a, b), dims(2), 4, 4);
    MrtException e = assertThrows(MrtException.class,
        () -> infer("elemwise_add", NONE, Shape.of(2, 3), Shape.of(1, 3)));
    assertTrue(e.getMessage().startsWith("node 'n1' (elemwise_add): operands must have equal shapes, got (2, 3) and"
        + " (1, 3)"), e.getMessage());
  }

  @Test
  void broadcastShapeRules() {
    assertEquals(Shape.of(2, 3, 4, 5), infer("broadcast_add", NONE, Shape.of(2, 3, 4, 5), Shape.of(1, 3, 1, 1))[0]);
    assertEquals(Shape.of(3, 4), infer("broadcast_mul", NONE, Shape.of(3, 1), Shape.of(1, 4))[0]);
    // Fewer axes are aligned from the right.
    assertEquals(Shape.of(2, 5), infer("broadcast_sub", NONE, Shape.of(5), Shape.of(2, 5))[0]);
    assertEquals(Shape.of(2, 3, 4), infer("broadcast_div", NONE, Shape.of(2, 3, 4), Shape.of(1))[0]);
    MrtException e = assertThrows(MrtException.class,
        () -> infer("broadcast_add", NONE, Shape.of(2, 3), Shape.of(4, 3)));
    assertTrue(e.getMessage().startsWith("node 'n1' (broadcast_add): shapes (2, 3) and (4, 3) do not broadcast"),
        e.getMessage());
  }

  @Test
  void broadcastValues() {
    // (2, 3) + (3,): each row gains 10, 20, 30.
    assertValues(run("broadcast_add", NONE, iota(2, 3), t(dims(3), 10, 20, 30)), dims(2, 3), 10, 21, 32, 13, 24, 35);
    // (3, 1) * (1, 2): an outer product.
    assertValues(run("broadcast_mul", NONE, t(dims(3, 1), 1, 2, 3), t(dims(1, 2), 10, 100)), dims(3, 2),
        10, 100, 20, 200, 30, 300);
    // Per-channel scale (1, C, 1, 1) on (N, C, H, W), as the quantizer's prepare stage emits it.
    FTensor y = run("broadcast_mul", NONE, iota(2, 2, 1, 2), t(dims(1, 2, 1, 1), 2, -1));
    assertValues(y, dims(2, 2, 1, 2), 0, 2, -2, -3, 8, 10, -6, -7);
    // A (1,) constant on the left.
    assertValues(run("broadcast_sub", NONE, t(dims(1), 10), t(dims(2, 2), 1, 2, 3, 4)), dims(2, 2), 9, 8, 7, 6);
    assertValues(run("broadcast_maximum", NONE, t(dims(2, 2), 1, 5, 3, 0), t(dims(2, 1), 2, 4)), dims(2, 2),
        2, 5, 4, 4);
    assertValues(run("broadcast_minimum", NONE, t(dims(2, 2), 1, 5, 3, 0), t(dims(2, 1), 2, 4)), dims(2, 2),
        1, 2, 3, 0);
    assertValues(run("broadcast_div", NONE, t(dims(1, 2), 8, 9), t(dims(2, 1), 2, 3)), dims(2, 2), 4, 4.5f, 8f / 3,
        3);
  }

  @Test
  void broadcastMatchesIndexArithmeticOnRandomShapes() {
    SplittableRandom rnd = new SplittableRandom(4);
    for (int c = 0; c < 50; c++) {
      int nd = 1 + rnd.nextInt(5);
      int[] out = new int[nd];
      int[] da = new int[nd];
      int[] db = new int[nd];
      for (int i = 0; i < nd; i++) {
        out[i] = 1 + rnd.nextInt(4);
        da[i] = rnd.nextInt(3) == 0 ? 1 : out[i];
        db[i] = rnd.nextInt(3) == 0 ? 1 : out[i];
      }
      // Drop a random number of leading axes from b.
      int drop = rnd.nextInt(nd);
      int[] dbShort = java.util.Arrays.copyOfRange(db, drop, nd);
      for (int i = 0; i < drop; i++) {
        db[i] = 1;
      }
      FTensor a = random(rnd, da);
      FTensor b = random(rnd, dbShort);
      FTensor y = run("broadcast_sub", NONE, a, b);
      Shape os = Shape.of(out);
      for (int i = 0; i < nd; i++) {
        out[i] = Math.max(da[i], db[i]);
      }
      assertEquals(Shape.of(out), y.shape());
      int[] idx = new int[nd];
      int[] sa = Shape.of(da).strides();
      int[] sb = Shape.of(db).strides();
      for (int o = 0; o < y.data().length; o++) {
        int rem = o;
        int ia = 0;
        int ib = 0;
        for (int i = nd - 1; i >= 0; i--) {
          idx[i] = rem % out[i];
          rem /= out[i];
          ia += (da[i] == 1 ? 0 : idx[i]) * sa[i];
          ib += (db[i] == 1 ? 0 : idx[i]) * sb[i];
        }
        assertEquals(a.data()[ia] - b.data()[ib], y.data()[o], 0f, "case " + c + " " + os + " element " + o);
      }
    }
  }

  @Test
  void scalarOperators() {
    FTensor x = t(dims(3), 1, 2, 4);
    assertValues(run("_plus_scalar", attrs("scalar", "0.5"), x), dims(3), 1.5f, 2.5f, 4.5f);
    assertValues(run("_minus_scalar", attrs("scalar", "1"), x), dims(3), 0, 1, 3);
    assertValues(run("_mul_scalar", attrs("scalar", "-2"), x), dims(3), -2, -4, -8);
    assertValues(run("_div_scalar", attrs("scalar", "4"), x), dims(3), 0.25f, 0.5f, 1);
    assertValues(run("_rminus_scalar", attrs("scalar", "10"), x), dims(3), 9, 8, 6);
    assertValues(run("_rdiv_scalar", attrs("scalar", "8"), x), dims(3), 8, 4, 2);
    MrtException e = assertThrows(MrtException.class, () -> OpHarness.parse("_plus_scalar", NONE, 1));
    assertEquals("node 'n1' (_plus_scalar): attribute scalar is required", e.getMessage());
  }

  @Test
  void addN() {
    FTensor y = run("add_n", attrs("num_args", "3"), t(dims(2), 1, 2), t(dims(2), 10, 20), t(dims(2), 100, 200));
    assertValues(y, dims(2), 111, 222);
    assertValues(run("ElementWiseSum", NONE, t(dims(1), 1), t(dims(1), 2)), dims(1), 3);
    MrtException e = assertThrows(MrtException.class,
        () -> infer("add_n", attrs("num_args", "2"), Shape.of(2), Shape.of(3)));
    assertEquals("node 'n1' (add_n): input 1 has shape (3,), input 0 has (2,); all must be equal", e.getMessage());
  }

  @Test
  void activations() {
    FTensor x = t(dims(5), -2, -0.5f, 0, 1, 30);
    assertValues(run("relu", NONE, x), dims(5), 0, 0, 0, 1, 30);
    assertValues(run("Activation", attrs("act_type", "relu"), x), dims(5), 0, 0, 0, 1, 30);
    assertValues(run("Activation", attrs("act_type", "sigmoid"), x), dims(5),
        (float) (1 / (1 + Math.exp(2))), (float) (1 / (1 + Math.exp(0.5))), 0.5f, (float) (1 / (1 + Math.exp(-1))),
        1f);
    assertValues(run("tanh", NONE, x), dims(5), (float) Math.tanh(-2), (float) Math.tanh(-0.5), 0,
        (float) Math.tanh(1), 1f);
    // softrelu = log(1 + e^x); MXNet returns x itself above 20.
    assertValues(run("Activation", attrs("act_type", "softrelu"), x), dims(5), (float) Math.log(1 + Math.exp(-2)),
        (float) Math.log(1 + Math.exp(-0.5)), (float) Math.log(2), (float) Math.log(1 + Math.E), 30);
    // softsign = x / (1 + |x|).
    assertValues(run("Activation", attrs("act_type", "softsign"), x), dims(5), -2f / 3, -1f / 3, 0, 0.5f, 30f / 31);
    MrtException e = assertThrows(MrtException.class,
        () -> OpHarness.parse("Activation", attrs("act_type", "gelu"), 1));
    assertTrue(e.getMessage().startsWith("node 'n1' (Activation): attribute act_type must be one of relu"),
        e.getMessage());
  }

  @Test
  void leakyRelu() {
    FTensor x = t(dims(3), -2, 0, 3);
    assertValues(run("LeakyReLU", NONE, x), dims(3), -0.5f, 0, 3);
    assertValues(run("LeakyReLU", attrs("act_type", "leaky", "slope", "0.1"), x), dims(3), -0.2f, 0, 3);
    assertValues(run("LeakyReLU", attrs("act_type", "elu", "slope", "1"), x), dims(3), (float) (Math.exp(-2) - 1), 0,
        3);
    // prelu: gamma per channel (axis 1).
    FTensor d = t(dims(1, 2, 2), -1, 2, -4, 5);
    assertValues(run("LeakyReLU", attrs("act_type", "prelu"), d, t(dims(2), 0.5f, 0.25f)), dims(1, 2, 2),
        -0.5f, 2, -1, 5);
    MrtException e = assertThrows(MrtException.class,
        () -> infer("LeakyReLU", attrs("act_type", "prelu"), Shape.of(1, 2, 2), Shape.of(3)));
    assertEquals("node 'n1' (LeakyReLU): gamma has shape (3,), expected (2,) or (1,)", e.getMessage());
  }

  @Test
  void clip() {
    assertValues(run("clip", attrs("a_min", "-1", "a_max", "2.5"), t(dims(4), -3, -1, 2, 7)), dims(4), -1, -1, 2, 2.5f);
    MrtException e = assertThrows(MrtException.class, () -> OpHarness.parse("clip", attrs("a_min", "0"), 1));
    assertEquals("node 'n1' (clip): attribute a_max is required", e.getMessage());
  }

  @Test
  void inputsAreNeverModified() {
    FTensor x = t(dims(3), -1, 2, -3);
    float[] before = x.data().clone();
    run("relu", NONE, x);
    run("add_n", NONE, x, x);
    run("broadcast_mul", NONE, x, t(dims(1), 2));
    assertArrayEquals(before, x.data(), 0f);
  }
}
