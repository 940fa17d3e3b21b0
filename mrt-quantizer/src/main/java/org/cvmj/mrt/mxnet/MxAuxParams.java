package org.cvmj.mrt.mxnet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FNode;

/**
 * Which variables MXNet calls auxiliary states ({@code aux:} in a params file) rather than arguments
 * ({@code arg:}). MXNet decides by the inputs an operator mutates: for the batch-norm operators these are
 * inputs 3 and 4 (moving_mean, moving_var). A variable is aux when it feeds such an input anywhere.
 */
public final class MxAuxParams {
  private static final Set<String> BATCH_NORMS = Set.of("BatchNorm", "BatchNorm_v1", "_contrib_SyncBatchNorm");

  private MxAuxParams() {}

  /** The aux variables of {@code graph}, in node order. */
  public static Set<String> of(FGraph graph) {
    boolean[] aux = new boolean[graph.size()];
    for (FNode n : graph.nodes()) {
      List<Entry> in = n.inputs();
      for (int slot = 0; slot < in.size(); slot++) {
        if (isAuxInput(n.op(), slot)) {
          aux[in.get(slot).node()] = true;
        }
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < aux.length; i++) {
      if (aux[i] && graph.node(i).isVariable()) {
        names.add(graph.node(i).name());
      }
    }
    return names;
  }

  /** Whether input {@code slot} of operator {@code op} is an auxiliary state. */
  public static boolean isAuxInput(String op, int slot) {
    return BATCH_NORMS.contains(op) && (slot == 3 || slot == 4);
  }
}
