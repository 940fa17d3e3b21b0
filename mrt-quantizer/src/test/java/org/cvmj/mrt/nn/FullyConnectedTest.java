package org.cvmj.mrt.nn;

import static org.cvmj.mrt.nn.OpHarness.assertClose;
import static org.cvmj.mrt.nn.OpHarness.assertValues;
import static org.cvmj.mrt.nn.OpHarness.attrs;
import static org.cvmj.mrt.nn.OpHarness.dims;
import static org.cvmj.mrt.nn.OpHarness.infer;
import static org.cvmj.mrt.nn.OpHarness.random;
import static org.cvmj.mrt.nn.OpHarness.run;
import static org.cvmj.mrt.nn.OpHarness.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class FullyConnectedTest {

  @Test
  void flattensByDefault() {
    // (2, 1, 2) read as (2, 2); W = [[1, 2], [3, 4], [0, -1]], b = [0.5, 0, 1].
    FTensor x = t(dims(2, 1, 2), 1, 1, 2, -1);
    FTensor w = t(dims(3, 2), 1, 2, 3, 4, 0, -1);
    FTensor b = t(dims(3), 0.5f, 0, 1);
    assertValues(run("FullyConnected", attrs("num_hidden", "3"), x, w, b), dims(2, 3), 3.5f, 7, 0, 0.5f, 2, 2);
  }

  @Test
  void flattenFalseActsOnLastAxis() {
    FTensor x = t(dims(1, 2, 2), 1, 1, 2, -1);
    FTensor w = t(dims(3, 2), 1, 2, 3, 4, 0, -1);
    FTensor y = run("FullyConnected", attrs("num_hidden", "3", "flatten", "False", "no_bias", "True"), x, w);
    assertValues(y, dims(1, 2, 3), 3, 7, -1, 0, 2, 1);
  }

  @Test
  void matchesDotProductsOnRandomData() {
    SplittableRandom rnd = new SplittableRandom(12);
    FTensor x = random(rnd, 37, 3200);
    FTensor w = random(rnd, 10, 3200);
    FTensor b = random(rnd, 10);
    FTensor y = run("FullyConnected", attrs("num_hidden", "10"), x, w, b);
    double[] expected = new double[370];
    double[] scale = new double[370];
    for (int i = 0; i < 37; i++) {
      for (int j = 0; j < 10; j++) {
        double s = b.data()[j];
        double m = Math.abs(s);
        for (int k = 0; k < 3200; k++) {
          double p = (double) x.data()[i * 3200 + k] * w.data()[j * 3200 + k];
          s += p;
          m += Math.abs(p);
        }
        expected[i * 10 + j] = s;
        scale[i * 10 + j] = m;
      }
    }
    assertClose(expected, scale, y.data(), 1e-5);
  }

  @Test
  void weightMustMatchFlattenedInput() {
    MrtException e = assertThrows(MrtException.class, () -> infer("FullyConnected", attrs("num_hidden", "10"),
        Shape.of(4, 16, 5, 5), Shape.of(10, 401), Shape.of(10)));
    assertEquals("node 'n1' (FullyConnected): weight has shape (10, 401), expected (10, 400)", e.getMessage());
    MrtException missing = assertThrows(MrtException.class,
        () -> OpHarness.parse("FullyConnected", attrs(), 3));
    assertEquals("node 'n1' (FullyConnected): attribute num_hidden is required", missing.getMessage());
  }
}
