package org.cvmj.mrt.mxnet;

import java.util.List;
import java.util.Map;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FGraphBuilder;

/** A small CNN with every operator kind whose MXNet output count matters. */
final class TestGraphs {
  private TestGraphs() {}

  /**
   * Nodes: 0 data, 1 conv0_weight, 2 conv0_bias, 3 conv0, 4 bn0_gamma, 5 bn0_beta, 6 bn0_moving_mean,
   * 7 bn0_moving_var, 8 bn0, 9 relu0, 10 drop0, 11 pool0, 12 flat0, 13 fc0_weight, 14 fc0_bias, 15 fc0,
   * 16 fc1_weight, 17 fc1_bias, 18 fc1, 19 add0.
   */
  static FGraph cnn() {
    FGraphBuilder b = new FGraphBuilder();
    Entry data = b.variable("data");
    Entry w = b.add(new org.cvmj.mrt.graph.FNode("null", "conv0_weight",
        Map.of("__shape__", "(4, 1, 3, 3)", "__lr_mult__", "1.0"), List.of()));
    Entry bias = b.variable("conv0_bias");
    Entry conv = b.op("Convolution", "conv0",
        Map.of("kernel", "(3, 3)", "num_filter", "4", "pad", "(1, 1)"), data, w, bias);
    Entry gamma = b.variable("bn0_gamma");
    Entry beta = b.variable("bn0_beta");
    Entry mean = b.variable("bn0_moving_mean");
    Entry var = b.variable("bn0_moving_var");
    Entry bn = b.op("BatchNorm", "bn0", Map.of("eps", "1e-05", "fix_gamma", "False"), conv, gamma, beta, mean, var);
    Entry relu = b.op("Activation", "relu0", Map.of("act_type", "relu"), bn);
    Entry drop = b.op("Dropout", "drop0", Map.of("p", "0.5"), relu);
    Entry pool = b.op("Pooling", "pool0", Map.of("kernel", "(2, 2)", "pool_type", "max", "stride", "(2, 2)"), drop);
    Entry flat = b.op("Flatten", "flat0", Map.of(), pool);
    Entry fw0 = b.variable("fc0_weight");
    Entry fb0 = b.variable("fc0_bias");
    Entry fc0 = b.op("FullyConnected", "fc0", Map.of("num_hidden", "10"), flat, fw0, fb0);
    Entry fw1 = b.variable("fc1_weight");
    Entry fb1 = b.variable("fc1_bias");
    Entry fc1 = b.op("FullyConnected", "fc1", Map.of("num_hidden", "10"), flat, fw1, fb1);
    Entry add = b.op("elemwise_add", "add0", Map.of(), fc0, fc1);
    return b.build(List.of(add));
  }
}
