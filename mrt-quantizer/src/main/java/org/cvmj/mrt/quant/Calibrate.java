package org.cvmj.mrt.quant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.nn.FloatExecutor;

/**
 * MRT's calibration (spec mrt-quantizer.md §3.2): runs the float model on calibration batches and gives
 * every node output, parameters and input included, a threshold: the largest magnitude, or with Lambda
 * {@code |mean| + λ·std} when that is below 0.95 of it; over several batches the largest threshold wins.
 */
public final class Calibrate {
  private final FModel model;
  private final FloatExecutor executor;
  private final OptionalDouble lambda;
  private final Map<String, Double> thresholds = new LinkedHashMap<>();

  public Calibrate(FModel model, OptionalDouble lambda) {
    this.model = model;
    this.executor = FloatExecutor.of(model);
    this.lambda = lambda;
  }

  /** Adds one batch (N×C×H×W) to the statistics. */
  public void add(FTensor batch) {
    String input = model.inputNames().get(0);
    List<FTensor[]> outputs = executor.forwardAll(Map.of(input, batch));
    List<FNode> nodes = model.graph().nodes();
    for (int i = 0; i < nodes.size(); i++) {
      thresholds.merge(nodes.get(i).name(), threshold(outputs.get(i)[0]), Math::max);
    }
  }

  public Thresholds result() {
    if (thresholds.isEmpty()) {
      throw new IllegalStateException("calibrate at least one batch");
    }
    return new Thresholds(thresholds);
  }

  double threshold(FTensor t) {
    return threshold(t.data(), lambda);
  }

  static double threshold(float[] v, OptionalDouble lambda) {
    double absmax = 0;
    double sum = 0;
    for (float x : v) {
      absmax = Math.max(absmax, Math.abs(x));
      sum += x;
    }
    if (lambda.isEmpty() || v.length == 0) {
      return absmax;
    }
    double mean = sum / v.length;
    double sq = 0;
    for (float x : v) {
      sq += (x - mean) * (x - mean);
    }
    double std = Math.sqrt(sq) / Math.sqrt(v.length);
    double alpha = Math.abs(mean) + lambda.getAsDouble() * std;
    return alpha < 0.95 * absmax ? alpha : absmax;
  }
}
