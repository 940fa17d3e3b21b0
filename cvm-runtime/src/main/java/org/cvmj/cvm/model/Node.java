package org.cvmj.cvm.model;

import org.cvmj.cvm.op.Operator;

/**
 * A validated graph node. Variables have a null operator and no inputs. {@code inputs} are entry ids;
 * the node's outputs are entries {@code firstEntry .. firstEntry + numOutputs - 1}.
 */
public record Node(int id, String name, Operator op, int[] inputs, int firstEntry, int numOutputs) {

  public boolean isVariable() {
    return op == null;
  }
}
