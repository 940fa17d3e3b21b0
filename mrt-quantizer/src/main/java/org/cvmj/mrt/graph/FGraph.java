package org.cvmj.mrt.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cvmj.mrt.MrtException;

/**
 * A float computation graph in MXNet's node-list form: nodes in topological order (every input refers to an
 * earlier node), names unique, heads are the outputs.
 */
public record FGraph(List<FNode> nodes, List<Entry> heads) {
  public FGraph {
    nodes = List.copyOf(nodes);
    heads = List.copyOf(heads);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      FNode n = nodes.get(i);
      Integer before = seen.put(n.name(), i);
      if (before != null) {
        throw new MrtException("node " + i + " '" + n.name() + "': name already used by node " + before);
      }
      for (Entry e : n.inputs()) {
        if (e.node() < 0 || e.node() >= i) {
          throw new MrtException("node " + i + " '" + n.name() + "': input refers to node " + e.node()
              + ", which is not an earlier node");
        }
      }
    }
    if (heads.isEmpty()) {
      throw new MrtException("graph has no outputs (heads)");
    }
    for (Entry h : heads) {
      if (h.node() < 0 || h.node() >= nodes.size()) {
        throw new MrtException("output refers to node " + h.node() + " of " + nodes.size());
      }
    }
  }

  public FNode node(int id) {
    return nodes.get(id);
  }

  public int size() {
    return nodes.size();
  }

  public Optional<Integer> indexOf(String name) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Names of the variable nodes, in node order. */
  public List<String> variableNames() {
    List<String> names = new ArrayList<>();
    for (FNode n : nodes) {
      if (n.isVariable()) {
        names.add(n.name());
      }
    }
    return names;
  }

  /** For each node, how many entries of other nodes or heads read any of its outputs. */
  public int[] consumerCounts() {
    int[] count = new int[nodes.size()];
    for (FNode n : nodes) {
      for (Entry e : n.inputs()) {
        count[e.node()]++;
      }
    }
    for (Entry h : heads) {
      count[h.node()]++;
    }
    return count;
  }
}
