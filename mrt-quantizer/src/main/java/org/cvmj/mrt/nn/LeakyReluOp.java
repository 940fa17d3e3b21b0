package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * MXNet {@code LeakyReLU}. act_type leaky (default): x &gt; 0 ? x : slope*x (slope default 0.25); elu:
 * x &gt; 0 ? x : slope*(e^x - 1); selu: the fixed-constant scaled elu; prelu: a learned slope per channel (axis 1)
 * from the second input gamma, shape (C,) or (1,).
 */
final class LeakyReluOp extends NodeOp {
  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  private static final double SELU_LAMBDA = 1.0507009873554804934193349852946;

  private enum Kind { LEAKY, ELU, SELU, PRELU }

  private final Kind kind;
  private final float slope;

  LeakyReluOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    String type = a.string("act_type", "leaky");
    kind = switch (type) {
      case "leaky" -> Kind.LEAKY;
      case "elu" -> Kind.ELU;
      case "selu" -> Kind.SELU;
      case "prelu" -> Kind.PRELU;
      default -> throw a.fail("act_type", "must be one of leaky, elu, selu, prelu for the float executor, got '"
          + type + "'");
    };
    slope = (float) a.real("slope", 0.25);
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    if (kind == Kind.PRELU) {
      expectInputs(in, 2, "data, gamma");
      Shape d = in[0];
      if (d.ndim() < 2) {
        throw fail("prelu data must have a channel axis 1, got shape " + d);
      }
      if (!in[1].equals(Shape.of(d.dim(1))) && !in[1].equals(Shape.of(1))) {
        throw fail("gamma has shape " + in[1] + ", expected (" + d.dim(1) + ",) or (1,)");
      }
    } else {
      expectInputs(in, 1, "data");
    }
    return one(in[0]);
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    inferShapes(shapesOf(in));
    Shape s = in[0].shape();
    float[] x = in[0].data();
    float[] y = new float[x.length];
    switch (kind) {
      case LEAKY -> {
        for (int i = 0; i < x.length; i++) {
          y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
      }
      case ELU -> {
        for (int i = 0; i < x.length; i++) {
          y[i] = x[i] > 0 ? x[i] : (float) (slope * Math.expm1(x[i]));
        }
      }
      case SELU -> {
        for (int i = 0; i < x.length; i++) {
          y[i] = (float) (SELU_LAMBDA * (x[i] > 0 ? x[i] : SELU_ALPHA * Math.expm1(x[i])));
        }
      }
      case PRELU -> {
        float[] gamma = in[1].data();
        int c = s.dim(1);
        int inner = (int) (s.size() / s.dim(0) / c);
        for (int i = 0; i < x.length; i++) {
          float g = gamma.length == 1 ? gamma[0] : gamma[(i / inner) % c];
          y[i] = x[i] > 0 ? x[i] : g * x[i];
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    return new FTensor[] {new FTensor(s, y)};
  }
}
