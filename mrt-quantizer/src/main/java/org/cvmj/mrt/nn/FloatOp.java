package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FTensor;

/**
 * One node's float operator, parsed once from the node's attributes (see {@link FloatOps#parse}). Inference
 * semantics of MXNet 1.x, NCHW layout, batch along the first axis.
 */
public interface FloatOp {
  /** Outputs as MXNet counts them, hidden ones included (BatchNorm: y, mean, var; Dropout: y, mask). */
  int numOutputs();

  /** Output shapes from input shapes; throws {@link org.cvmj.mrt.MrtException} naming the node on a mismatch. */
  Shape[] inferShapes(Shape[] inputs);

  /**
   * Output values. Inputs have the shapes {@link #inferShapes} accepted; they are never modified, and an
   * output may share an input's array (reshapes), so outputs are read-only too.
   */
  FTensor[] forward(FTensor[] inputs);

  /**
   * Whether input {@code slot} is read at inference. Training-only inputs (SoftmaxOutput's label) are not:
   * their shape may be null in {@link #inferShapes} and their value null in {@link #forward}.
   */
  default boolean readsInput(int slot) {
    return true;
  }
}
