package org.cvmj.cvm.op.requant;

import org.cvmj.cvm.op.Lanes;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** {@code cvm_clip}: clip to ±(2^(precision-1) - 1). {@code is_sign} is accepted and ignored, as everywhere. */
public record CvmClip(int precision) implements Operator {

  public static CvmClip parse(OpAttrs attrs) throws OpException {
    int precision = attrs.getInt("precision");
    attrs.getBool("is_sign", true);
    attrs.finish();
    Shapes.require(precision >= 1 && precision <= 32, "precision %d must be in 1..32", precision);
    return new CvmClip(precision);
  }

  @Override
  public String name() {
    return "cvm_clip";
  }

  @Override
  public int numInputs() {
    return 1;
  }

  @Override
  public boolean outputMayAliasInput() {
    return true;
  }

  @Override
  public Shape[] inferShapes(Shape[] in) {
    return Shapes.same(in);
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(precision);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int hi = Precision.range(precision);
    Lanes.clip(in[0].data(), out[0].data(), out[0].size(), -hi, hi);
  }
}
