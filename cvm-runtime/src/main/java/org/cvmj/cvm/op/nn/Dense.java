package org.cvmj.cvm.op.nn;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code dense}: y[m][n] = sum_k x[m][k] * w[n][k] (+ b[n]), accumulated in int32. */
public record Dense(int units, boolean useBias) implements Operator {

  public static Dense parse(OpAttrs attrs) throws OpException {
    int units = attrs.getInt("units");
    boolean useBias = attrs.getBool("use_bias", true);
    attrs.finish();
    Shapes.require(units >= 1, "units %d must be at least 1", units);
    return new Dense(units, useBias);
  }

  @Override
  public String name() {
    return "dense";
  }

  @Override
  public int numInputs() {
    return useBias ? 3 : 2;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.requireRank(in[0], 2, "dense data");
    int k = in[0].dim(1);
    Shapes.require(in[1].equals(Shape.of(units, k)), "weight shape %s, expected (%d, %d)", in[1], units, k);
    if (useBias) {
      Shapes.require(in[2].equals(Shape.of(units)), "bias shape %s, expected (%d,)", in[2], units);
    }
    return new Shape[] {Shape.of(in[0].dim(0), units)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) throws OpException {
    Shapes.require(p[0] <= 8, "data precision %d exceeds 8 bits", p[0]);
    Shapes.require(p[1] <= 8, "weight precision %d exceeds 8 bits", p[1]);
    int prec = p[0] + p[1] + Precision.bits(in[0].dim(1));
    if (useBias) {
      prec = Math.max(prec, p[2]) + 1;
    }
    return Precision.one(prec);
  }

  @Override
  public long opsPerElement(Shape[] in, Shape[] out) {
    return in[1].dim(1) * 3L + (useBias ? 1 : 0);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int m = in[0].shape().dim(0);
    int k = in[0].shape().dim(1);
    int[] x = in[0].data();
    int[] w = in[1].data();
    int[] b = useBias ? in[2].data() : null;
    int[] y = out[0].data();
    parallel.forRange(m * units, k, (from, to) -> {
      for (int i = from; i < to; i++) {
        int row = i / units;
        int unit = i % units;
        int xo = row * k;
        int wo = unit * k;
        int acc = 0;
        for (int j = 0; j < k; j++) {
          acc += x[xo + j] * w[wo + j];
        }
        y[i] = b == null ? acc : acc + b[unit];
      }
    });
  }
}
