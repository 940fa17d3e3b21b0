package org.cvmj.mrt.quant;

import java.util.List;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.tensor.Shape;

/**
 * The integer model and what a client needs to use it: feed {@code intRealize(x · inputScale,
 * inputPrecision)}, read {@code float ≈ int / outputScales[k]}.
 */
public record QuantizedModel(GraphBuilder.Built files, Shape inputShape, double inputScale, int inputPrecision,
    List<Double> outputScales, List<Integer> outputPrecisions, List<LayerRow> layers) {}
