package org.cvmj.mrt.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Appends nodes to a float graph in topological order; used by the network definitions, rewrites and tests. */
public final class FGraphBuilder {
  private final List<FNode> nodes = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();

  public Entry variable(String name) {
    nodes.add(FNode.variable(name));
    return Entry.of(nodes.size() - 1);
  }

  public Entry op(String op, String name, Map<String, String> attrs, Entry... inputs) {
    nodes.add(new FNode(op, name, attrs, List.of(inputs)));
    return Entry.of(nodes.size() - 1);
  }

  /** Adds a node as is (inputs already renumbered by the caller). */
  public Entry add(FNode node) {
    nodes.add(node);
    return Entry.of(nodes.size() - 1);
  }

  /** A fresh name {@code prefix + k} for generated nodes, k counting per prefix from 0. */
  public String fresh(String prefix) {
    int k = counters.merge(prefix, 1, Integer::sum) - 1;
    String name = prefix + k;
    while (contains(name)) {
      k = counters.merge(prefix, 1, Integer::sum) - 1;
      name = prefix + k;
    }
    return name;
  }

  public boolean contains(String name) {
    for (FNode n : nodes) {
      if (n.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  public FNode node(Entry e) {
    return nodes.get(e.node());
  }

  public int size() {
    return nodes.size();
  }

  public FGraph build(List<Entry> heads) {
    return new FGraph(nodes, heads);
  }
}
