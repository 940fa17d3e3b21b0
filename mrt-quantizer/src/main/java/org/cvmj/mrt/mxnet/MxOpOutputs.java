package org.cvmj.mrt.mxnet;

import org.cvmj.mrt.graph.FNode;

/**
 * How many outputs MXNet gives a node, hidden ones included: the step sizes of a symbol file's
 * {@code node_row_ptr}. BatchNorm also returns its batch mean and variance, Dropout its mask; the split
 * operators have as many outputs as their {@code num_outputs} attribute. Everything else has one.
 */
public final class MxOpOutputs {
  private MxOpOutputs() {}

  public static int count(FNode node) {
    return switch (node.op()) {
      case "BatchNorm", "LayerNorm" -> 3;
      case "Dropout" -> 2;
      case "SliceChannel", "split" -> Math.max(1, node.typedAttrs().integer("num_outputs", 1));
      default -> 1;
    };
  }
}
