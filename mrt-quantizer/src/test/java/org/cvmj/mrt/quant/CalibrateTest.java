package org.cvmj.mrt.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

/** Spec mrt-quantizer.md §3.2, values worked out by hand. */
class CalibrateTest {
  private static final float[] V = {1, -2, 3, 10};

  @Test
  void withoutLambdaTheThresholdIsTheAbsoluteMaximum() {
    assertEquals(10.0, Calibrate.threshold(V, OptionalDouble.empty()));
  }

  @Test
  void lambdaUsesMeanPlusStdWhenBelowTheCap() {
    // mean 3; squared deviations 4 + 25 + 0 + 49 = 78; std = sqrt(78) / 2 = 4.41588; 3 + 4.41588 < 0.95 · 10.
    assertEquals(3 + Math.sqrt(78) / 2, Calibrate.threshold(V, OptionalDouble.of(1)), 1e-12);
    // 3 + 2 · 4.41588 = 11.83 is not below 9.5: the absolute maximum wins.
    assertEquals(10.0, Calibrate.threshold(V, OptionalDouble.of(2)));
  }

  @Test
  void theLargestThresholdOverBatchesWins() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("data");
    Entry r = b.op("relu", "r", Map.of(), x);
    FModel m = new FModel(b.build(List.of(r)), Map.of());
    Calibrate c = new Calibrate(m, OptionalDouble.empty());
    c.add(FTensor.of(Shape.of(1, 4), -5f, 1f, 2f, 0f));
    c.add(FTensor.of(Shape.of(1, 4), 0.5f, 3f, -1f, 0f));
    Thresholds th = c.result();
    assertEquals(5.0, th.of("data"));
    assertEquals(3.0, th.of("r"));
  }
}
