package org.cvmj.cvm.op;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * One CVM operator with its attributes already parsed: everything the loader, the gas meter and the
 * executor need to know about it lives in the implementing class, so the rest of the runtime never
 * names an operator.
 */
public interface Operator {

  /** The runtime name ({@code func_name} without its numeric suffix). */
  String name();

  /** How many inputs a node of this operator must have, given its attributes; negative for "one or more". */
  int numInputs();

  default int numOutputs() {
    return 1;
  }

  /**
   * Whether an output may share a storage id with an input. The reference allows this for a fixed set of
   * operators whose kernels read each element before writing it (load-time rule 4).
   */
  default boolean outputMayAliasInput() {
    return false;
  }

  /** Output shapes from input shapes; throws when the inputs or attributes are inconsistent. */
  Shape[] inferShapes(Shape[] in) throws OpException;

  /**
   * Output precisions (bits, 1..32 once checked by the loader) from the input shapes and precisions;
   * throws when an input precision is above what the operator accepts.
   */
  int[] inferPrecisions(Shape[] in, int[] inPrecision) throws OpException;

  /**
   * The per-output-element weight in {@code GetOps}: the reference multiplies it by the size of output 0.
   * Most operators cost 1.
   */
  default long opsPerElement(Shape[] in, Shape[] out) {
    return 1;
  }

  /**
   * Computes the outputs. Shapes are the inferred ones; outputs never alias inputs unless
   * {@link #outputMayAliasInput()}, in which case element i is read before element i is written.
   * Parallel work must partition the outputs so that results do not depend on the thread count.
   */
  void compute(Tensor[] in, Tensor[] out, Parallel parallel);
}
