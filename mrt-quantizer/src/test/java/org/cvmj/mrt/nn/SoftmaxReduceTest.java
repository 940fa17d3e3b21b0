package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertValues;
import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.iota;
import static org.cvmj.mrt.nn.OpHarness.run;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class SoftmaxReduceTest {
  private static final double E = Math.E;

  /** e^v_i / sum e^v_j, by hand. */
  private static float[] softmax(double... v) {
    double s = 0;
    for (double x : v) {
      s += Math.exp(x);
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (Math.exp(v[i]) / s);
    }
    return out;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void softmaxLastAxis() {
    FTensor y = run("softmax", attrs(), t(dims(2, 3), 1, 2, 3, 0, 0, 0));
    assertValues(y, dims(2, 3), concat(softmax(1, 2, 3), softmax(0, 0, 0)));
    assertEquals(1 / (1 + E + E * E), y.data()[0], 1e-7);
  }

  @Test
  void softmaxOtherAxisAndTemperature() {
    // Axis 0 of (2, 2): columns (1, 3) and (2, 4) are the slices.
    FTensor y = run("softmax", attrs("axis", "0"), t(dims(2, 2), 1, 2, 3, 4));
    float[] c0 = softmax(1, 3);
    float[] c1 = softmax(2, 4);
    assertValues(y, dims(2, 2), c0[0], c1[0], c0[1], c1[1]);
    FTensor hot = run("softmax", attrs("temperature", "2"), t(dims(2), 0, 4));
    assertValues(hot, dims(2), softmax(0, 2));
  }

  @Test
  void logSoftmax() {
    FTensor y = run("log_softmax", attrs(), t(dims(3), 1, 2, 3));
    double lse = Math.log(E + E * E + E * E * E);
    assertValues(y, dims(3), (float) (1 - lse), (float) (2 - lse), (float) (3 - lse));
  }

  @Test
  void largeInputsDoNotOverflow() {
    FTensor y = run("softmax", attrs(), t(dims(2), 1000, 1000));
    assertValues(y, dims(2), 0.5f, 0.5f);
  }

  @Test
  void softmaxOutputAndActivation() {
    FTensor x = t(dims(2, 2), 0, 1, 2, 2);
    float[] expected = concat(softmax(0, 1), softmax(2, 2));
    // The label input is training-only: absent (null) at inference.
    assertValues(run("SoftmaxOutput", attrs(), x, null), dims(2, 2), expected);
    assertValues(run("SoftmaxActivation", attrs(), x), dims(2, 2), expected);
    // Without multi_output, SoftmaxOutput normalises each instance over all its values.
    FTensor img = t(dims(1, 2, 1, 2), 0, 1, 2, 3);
    assertValues(run("SoftmaxOutput", attrs(), img, null), dims(1, 2, 1, 2), softmax(0, 1, 2, 3));
    float[] c0 = softmax(0, 2);
    float[] c1 = softmax(1, 3);
    assertValues(run("SoftmaxOutput", attrs("multi_output", "True"), img, null), dims(1, 2, 1, 2), c0[0], c1[0],
        c0[1], c1[1]);
    assertValues(run("SoftmaxActivation", attrs("mode", "channel"), img), dims(1, 2, 1, 2), c0[0], c1[0], c0[1],
        c1[1]);
  }

  @Test
  void sumOverAxes() {
    FTensor x = iota(2, 3, 2); // x[i][j][k] = 6i + 2j + k
    assertValues(run("sum", attrs("axis", "(1,)"), x), dims(2, 2), 6, 9, 24, 27);
    assertValues(run("sum", attrs("axis", "1", "keepdims", "True"), x), dims(2, 1, 2), 6, 9, 24, 27);
    assertValues(run("sum", attrs(), x), dims(1), 66);
    assertValues(run("sum", attrs("axis", "()", "keepdims", "True"), x), dims(1, 1, 1), 66);
    // exclude: reduce every axis but 1.
    assertValues(run("sum", attrs("axis", "(1,)", "exclude", "True"), x), dims(3), 0 + 1 + 6 + 7, 2 + 3 + 8 + 9,
        4 + 5 + 10 + 11);
    assertValues(run("sum", attrs("axis", "(0, 2)"), x), dims(3), 14, 22, 30);
  }

  @Test
  void sumOverSpatialAxesKeepdims() {
    // The prepare stage's per-channel sum: (N, C, H, W) over (2, 3) keepdims -> (N, C, 1, 1).
    FTensor x = iota(2, 2, 2, 2);
    assertValues(run("sum", attrs("axis", "(2, 3)", "keepdims", "True"), x), dims(2, 2, 1, 1), 6, 22, 38, 54);
  }

  @Test
  void meanMaxMin() {
    FTensor x = t(dims(2, 3), 1, 5, 3, -4, 2, 8);
    assertValues(run("mean", attrs("axis", "1"), x), dims(2), 3, 2);
    assertValues(run("max", attrs("axis", "0"), x), dims(3), 1, 5, 8);
    assertValues(run("max", attrs(), x), dims(1), 8);
    assertValues(run("min", attrs("axis", "-1", "keepdims", "True"), x), dims(2, 1), 1, -4);
  }

  @Test
  void reduceAxisOutOfRange() {
    MrtException e = assertThrows(MrtException.class, () -> infer("sum", attrs("axis", "(3,)"), Shape.of(2, 3)));
    assertEquals("node 'n1' (sum): attribute axis = 3 is out of range for 2-D input", e.getMessage());
  }
}
