package org.cvmj.mrt.nn;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * MXNet {@code BatchNorm} at inference: y = ((x - moving_mean) / sqrt(moving_var + eps)) * gamma + beta along
 * {@code axis} (default 1), with gamma taken as 1 when fix_gamma (default True). Inputs data, gamma, beta,
 * moving_mean, moving_var; outputs y, mean, var (the last two are the moving statistics: at inference
 * MXNet normalises with them whatever use_global_stats says). eps defaults to 1e-3, the operator's default.
 */
final class BatchNormOp extends NodeOp {
  private final double eps;
  private final boolean fixGamma;
  private final int axisAttr;

  BatchNormOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    eps = a.real("eps", 1e-3);
    fixGamma = a.bool("fix_gamma", true);
    axisAttr = a.integer("axis", 1);
    if (!(eps > 0)) {
      throw a.fail("eps", "must be positive, got " + eps);
    }
  }

  @Override
  public int numOutputs() {
    return 3;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    expectInputs(in, 5, "data, gamma, beta, moving_mean, moving_var");
    Shape d = in[0];
    int axis = axis("axis", axisAttr, d.ndim());
    Shape c = Shape.of(d.dim(axis));
    String[] names = {"data", "gamma", "beta", "moving_mean", "moving_var"};
    for (int i = 1; i < 5; i++) {
      expectShape(names[i], in[i], c);
    }
    return new Shape[] {d, c, c};
  }

  @Override
  public FTensor[] forward(FTensor[] in) {
    Shape s = in[0].shape();
    int axis = axis("axis", axisAttr, s.ndim());
    int c = s.dim(axis);
    int inner = 1;
    for (int i = axis + 1; i < s.ndim(); i++) {
      inner *= s.dim(i);
    }
    int outer = Math.toIntExact(s.size() / inner / Math.max(1, c));
    float[] x = in[0].data();
    float[] gamma = in[1].data();
    float[] beta = in[2].data();
    float[] mean = in[3].data();
    float[] var = in[4].data();
    float[] invStd = new float[c];
    for (int k = 0; k < c; k++) {
      // MXNet's order: var + eps and the square root in float, the reciprocal in double.
      float sd = (float) Math.sqrt(var[k] + (float) eps);
      invStd[k] = (float) (1.0 / sd);
    }
    float[] y = new float[x.length];
    int runs = outer * c;
    int len = inner;
    BatchSplit.run(runs, len, (from, to) -> {
      for (int r = from; r < to; r++) {
        int k = r % c;
        float m = mean[k];
        float is = invStd[k];
        float g = fixGamma ? 1f : gamma[k];
        float b = beta[k];
        for (int i = r * len, end = i + len; i < end; i++) {
          y[i] = ((x[i] - m) * is) * g + b;
        }
      }
    });
    return new FTensor[] {new FTensor(s, y), in[3], in[4]};
  }
}
