package org.cvmj.cvm.op;

import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/** Runs one bound operator on literal tensors, shapes from its own rule, for the per-operator tests. */
public final class OpTesting {
  private OpTesting() {}

  public static OpAttrs attrs(String... keyValues) {
    return OpAttrs.of(keyValues);
  }

  public static Tensor t(Shape shape, int... values) {
    return Tensor.of(shape, values);
  }

  /** Output 0 values. */
  public static int[] run(Operator op, Tensor... in) throws OpException {
    return runAll(op, in)[0].toArray();
  }

  public static Tensor[] runAll(Operator op, Tensor... in) throws OpException {
    Shape[] shapes = new Shape[in.length];
    for (int i = 0; i < in.length; i++) {
      shapes[i] = in[i].shape();
    }
    Shape[] outShapes = op.inferShapes(shapes);
    Tensor[] out = new Tensor[outShapes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Tensor.zeros(outShapes[i]);
    }
    op.compute(in, out, Parallel.SERIAL);
    return out;
  }
}
