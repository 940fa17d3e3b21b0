package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/** What every operator shares: the node's name and operator for error messages, and input-count checks. */
abstract class NodeOp implements FloatOp {
  final String op;
  final String name;

  NodeOp(FNode node) {
    this.op = node.op();
    this.name = node.name();
  }

  @Override
  public int numOutputs() {
    return 1;
  }

  final MrtException fail(String what) {
    return new MrtException("node '" + name + "' (" + op + "): " + what);
  }

  /** Checks the input count; {@code names} lists the inputs for the message, e.g. "data, weight, bias". */
  final void expectInputs(Shape[] inputs, int n, String names) {
    if (inputs.length != n) {
      throw fail("expects " + n + (n == 1 ? " input" : " inputs") + " (" + names + "), got " + inputs.length);
    }
  }

  final void expectShape(String what, Shape actual, Shape expected) {
    if (!actual.equals(expected)) {
      throw fail(what + " has shape " + actual + ", expected " + expected);
    }
  }

  final void expectNdim(String what, Shape s, int ndim) {
    if (s.ndim() != ndim) {
      throw fail(what + " must be " + ndim + "-D, got shape " + s);
    }
  }

  /** An axis in [-ndim, ndim) made non-negative. */
  final int axis(String key, int axis, int ndim) {
    if (axis < -ndim || axis >= ndim) {
      throw fail("attribute " + key + " = " + axis + " is out of range for " + ndim + "-D input");
    }
    return axis < 0 ? axis + ndim : axis;
  }

  static Shape[] shapesOf(FTensor[] in) {
    Shape[] s = new Shape[in.length];
    for (int i = 0; i < in.length; i++) {
      s[i] = in[i] == null ? null : in[i].shape();
    }
    return s;
  }

  static Shape[] one(Shape s) {
    return new Shape[] {s};
  }
}
