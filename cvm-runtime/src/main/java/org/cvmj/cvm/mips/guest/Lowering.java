package org.cvmj.cvm.mips.guest;

import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Node;

/** Turns one graph node into the fields of one guest op record, or declares its output a view of its input. */
@FunctionalInterface
interface Lowering {

  /**
   * The record (opcode first, without the length word), or null when the node only relabels the shape
   * of its input, so that its output can share the input's storage.
   */
  int[] lower(PlanBuilder plan, Node node) throws ModelException;
}
