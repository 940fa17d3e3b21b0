package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * One-input elementwise operators: {@code Activation} (act_type relu, sigmoid, tanh, softrelu, softsign),
 * the standalone {@code relu}, {@code sigmoid}, ... and inference-time identities ({@code BlockGrad}, ...).
 */
final class UnaryOp extends SameShapeOp {
  private final UnaryFn fn;

  UnaryOp(FNode node, UnaryFn fn) {
    super(node);
    this.fn = fn;
  }

  /** {@code Activation}: the function named by act_type. */
  static UnaryOp activation(FNode node) {
    MxAttrs a = node.typedAttrs();
    String type = a.requireString("act_type");
    UnaryFn fn = switch (type) {
      case "relu" -> UnaryFn.RELU;
      case "sigmoid" -> UnaryFn.SIGMOID;
      case "tanh" -> UnaryFn.TANH;
      case "softrelu" -> UnaryFn.SOFTRELU;
      case "softsign" -> UnaryFn.SOFTSIGN;
      default -> throw a.fail("act_type", "must be one of relu, sigmoid, tanh, softrelu, softsign, got '"
          + type + "'");
    };
    return new UnaryOp(node, fn);
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    if (fn == UnaryFn.IDENTITY) {
      return new FTensor[] {in[0]};
    }
    return new FTensor[] {new FTensor(in[0].shape(), fn.apply(in[0].data()))};
  }
}
