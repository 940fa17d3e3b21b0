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

/**
 * {@code cvm_right_shift}: divide by 2^shift_bit rounding half up, then clip to the precision:
 * {@code y = clip(((x >> (b-1)) + 1) >> 1, precision)}. This is the FORMAL kernel for every shift and
 * precision; the CPU kernel's shortcuts for b &gt;= 31 and precision + b &gt;= 32 are not reproduced
 * (docs/compatibility.md). The {@code + 1} is 32-bit, so x = 2^31-1 with b = 1 wraps, as on every backend.
 */
public record CvmRightShift(int precision, int shiftBit) implements Operator {

  public static CvmRightShift parse(OpAttrs attrs) throws OpException {
    int precision = attrs.getInt("precision");
    int shiftBit = attrs.getInt("shift_bit");
    attrs.getBool("is_sign", true);
    attrs.finish();
    Shapes.require(precision >= 1 && precision <= 32, "precision %d must be in 1..32", precision);
    Shapes.require(shiftBit >= 1 && shiftBit <= 32, "shift_bit %d must be in 1..32", shiftBit);
    return new CvmRightShift(precision, shiftBit);
  }

  @Override
  public String name() {
    return "cvm_right_shift";
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
    Lanes.roundShiftClip(in[0].data(), out[0].data(), out[0].size(), shiftBit - 1, -hi, hi);
  }
}
