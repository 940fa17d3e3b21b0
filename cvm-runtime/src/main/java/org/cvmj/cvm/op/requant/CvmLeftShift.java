package org.cvmj.cvm.op.requant;

import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code cvm_left_shift}: y = clip(x &lt;&lt; shift_bit, precision). The reference CPU kernel always fails
 * (it reads a tensor handle as a string); this is the FORMAL kernel's formula (docs/compatibility.md).
 * The precision rule guarantees input precision + shift_bit &lt;= 32, so the shift cannot lose bits.
 */
public record CvmLeftShift(int precision, int shiftBit) implements Operator {

  public static CvmLeftShift parse(OpAttrs attrs) throws OpException {
    int precision = attrs.getInt("precision");
    int shiftBit = attrs.getInt("shift_bit");
    attrs.getBool("is_sign", true);
    attrs.finish();
    Shapes.require(precision >= 1 && precision <= 32, "precision %d must be in 1..32", precision);
    Shapes.require(shiftBit >= 1 && shiftBit <= 32, "shift_bit %d must be in 1..32", shiftBit);
    return new CvmLeftShift(precision, shiftBit);
  }

  @Override
  public String name() {
    return "cvm_left_shift";
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
  public int[] inferPrecisions(Shape[] in, int[] p) throws OpException {
    Shapes.require(p[0] + shiftBit <= 32, "input precision %d + shift_bit %d exceeds 32 bits", p[0], shiftBit);
    return Precision.one(precision);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    int[] x = in[0].data();
    int[] y = out[0].data();
    for (int i = 0, n = out[0].size(); i < n; i++) {
      y[i] = Precision.clip(x[i] << shiftBit, precision);
    }
  }
}
