package org.cvmj.cvm.mips.guest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.tensor.Shape;

/**
 * What lowerings see while a plan is built: entry shapes and parameter values, plus constants they add
 * (re-blocked weights) and the scratch space they need. Tensor ids 0..entries-1 are the graph's entries,
 * id {@code entries} is the one scratch buffer (shared by every conv2d), added constants follow.
 */
final class PlanBuilder {
  private final Graph graph;
  private final int[][] paramValues;
  private final List<int[]> extraConstants = new ArrayList<>();
  private int scratchWords;
  /** (node, entry) pairs where the node reads a re-blocked copy instead of the entry itself. */
  private final Set<Long> prepacked = new HashSet<>();

  PlanBuilder(Graph graph, int[][] paramValues) {
    this.graph = graph;
    this.paramValues = paramValues;
  }

  Shape shape(int entry) {
    return graph.shapes()[entry];
  }

  int size(int entry) {
    return shape(entry).elements();
  }

  /**
   * The values of a parameter entry, which the node will read as a re-blocked constant instead (so the
   * original need not be in the plan unless something else reads it); refuses an entry the graph computes.
   */
  int[] prepack(Node node, int entry, String what) throws ModelException {
    int[] v = paramValues[entry];
    if (v == null) {
      throw new ModelException(Rule.GUEST_UNSUPPORTED, node.id(), node.name(), node.op().name() + " " + what
          + " must be a parameter for the MIPS guest (its weights are re-blocked ahead of time), but entry "
          + entry + " is computed by the graph");
    }
    prepacked.add(key(node, entry));
    return v;
  }

  boolean prepacked(Node node, int entry) {
    return prepacked.contains(key(node, entry));
  }

  private static long key(Node node, int entry) {
    return (long) node.id() << 32 | entry;
  }

  /** Adds a constant tensor to the plan; returns its tensor id. */
  int constant(int[] values) {
    extraConstants.add(values);
    return graph.entryCount() + extraConstants.size();
  }

  /** Asks for a scratch buffer of at least {@code words}; returns the scratch tensor's id. */
  int scratch(long words) throws ModelException {
    if (words > Integer.MAX_VALUE / 4) {
      throw new ModelException(Rule.GUEST_UNSUPPORTED, "conv2d needs a padded input buffer of " + words
          + " words, more than the guest heap holds");
    }
    scratchWords = (int) Math.max(scratchWords, words);
    return scratchId();
  }

  List<int[]> extraConstants() {
    return extraConstants;
  }

  int scratchId() {
    return graph.entryCount();
  }

  int scratchWords() {
    return scratchWords;
  }
}
