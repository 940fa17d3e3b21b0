package org.cvmj.mrt.compile;

import java.util.List;

/**
 * The {@code ext.json} of a model directory: how a client turns floats into the model's integer input and
 * its integer outputs back into floats. Input: {@code q = clip(round((pixel / pixelScale − mean[c]) / std[c]
 * · inputScale), ±(2^(inputPrecision−1)−1))}; output k: {@code float ≈ int / outputs[k].scale}.
 */
public record ExtInfo(String model, List<Integer> inputShape, int inputPrecision, double inputScale,
    double pixelScale, List<Double> mean, List<Double> std, List<Output> outputs) {

  public ExtInfo {
    inputShape = List.copyOf(inputShape);
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    outputs = List.copyOf(outputs);
  }

  /** One model output: its scale and precision. */
  public record Output(double scale, int precision) {}
}
