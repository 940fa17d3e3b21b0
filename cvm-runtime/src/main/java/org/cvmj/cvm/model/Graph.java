package org.cvmj.cvm.model;

import java.util.List;
import org.cvmj.cvm.format.Symbol;
import org.cvmj.cvm.tensor.Shape;

/**
 * A symbol that passed every graph check (rules 1-11): nodes bound to operators, and per entry its shape,
 * storage id and inferred precision. Arrays are owned by the graph; callers must not modify them.
 */
public record Graph(Symbol symbol, List<Node> nodes, Shape[] shapes, int[] storageIds, int[] precisions,
    int[] heads, int inputNode, Postprocess postprocess) {

  public static final String INPUT_NAME = "data";

  public Node input() {
    return nodes.get(inputNode);
  }

  public int inputEntry() {
    return input().firstEntry();
  }

  public Shape inputShape() {
    return shapes[inputEntry()];
  }

  public int inputPrecision() {
    return precisions[inputEntry()];
  }

  public int entryCount() {
    return shapes.length;
  }
}
