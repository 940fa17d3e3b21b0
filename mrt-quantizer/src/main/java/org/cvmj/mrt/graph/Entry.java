package org.cvmj.mrt.graph;

/** Output {@code index} of node {@code node}: an edge of a float graph. */
public record Entry(int node, int index) {
  public static Entry of(int node) {
    return new Entry(node, 0);
  }
}
