package org.cvmj.mrt.quant;

import java.util.List;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.tensor.Shape;

/**
 * The integer model and what a client needs to use it: feed {@code intRealize(x · inputScale,
 * inputPrecision)}, read {@code float ≈ int / outputScales[k]}.
 */
public record QuantizedModel(GraphBuilder.Built files, Shape inputShape, double inputScale, int inputPrecision,
    List<Double> outputScales, List<Integer> outputPrecisions, List<LayerRow> layers) {

  /** The model's integer input for {@code count} normalised floats of {@code x} from {@code from}. */
  public int[] quantizeInput(float[] x, int from, int count) {
    int[] q = new int[count];
    for (int i = 0; i < count; i++) {
      q[i] = Primitives.intRealize(x[from + i] * inputScale, inputPrecision);
    }
    return q;
  }
}
