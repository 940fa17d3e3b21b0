package org.cvmj.cvm.op.transform;

import java.util.Arrays;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.Shapes;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * {@code reshape}: the same row-major elements under a new shape, given with MXNet's codes: a positive
 * value is taken as is, {@code 0} copies the next input dimension, {@code -1} is inferred from the element
 * count, {@code -2} copies all remaining input dimensions, {@code -3} merges the next two input dimensions
 * and {@code -4, a, b} splits the next input dimension into {@code a × b} (one of them may be -1). The
 * kernel copies the flat buffer, or does nothing when the output shares the input's storage.
 *
 * <p>Load-time acceptance must match the reference, so its quirks are kept: codes below -4 are skipped
 * without consuming an input dimension; a positive value and {@code -1} each consume one input dimension;
 * the known part of a {@code -1} is a 32-bit product, and the inferred value is stored at the position of
 * the {@code -1} in {@code shape}, which is not its output position once a {@code -2}, {@code -3} or
 * {@code -4} came before it (so such shapes usually fail the element-count check, and when that position is
 * past the end the value is dropped). Where the reference would divide by zero (a -1 next to a 0 in a
 * {@code -4} split, or a known product of 0) the shape is rejected.
 */
public record Reshape(int[] shape) implements Operator {

  public static Reshape parse(OpAttrs attrs) throws OpException {
    int[] shape = attrs.getTuple("shape");
    attrs.finish();
    Shapes.require(shape.length > 0, "reshape needs a non-empty shape, got ()");
    return new Reshape(shape);
  }

  @Override
  public String name() {
    return "reshape";
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
  public Shape[] inferShapes(Shape[] in) throws OpException {
    Shapes.require(in.length == 1, "reshape takes 1 input, got %d", in.length);
    Shape x = in[0];
    int nd = x.ndim();
    String codes = OpAttrs.tuple(shape);
    // Each code yields at most one dimension, except -4 (three codes, two dimensions) and -2 (the input's
    // remaining dimensions, which only exist once).
    long[] out = new long[shape.length + nd];
    int n = 0;
    int src = 0;
    int inferAt = -1;
    for (int i = 0; i < shape.length; i++) {
      int v = shape[i];
      if (v > 0) {
        out[n++] = v;
        src++;
      } else if (v == 0) {
        Shapes.require(src < nd, "reshape %s: code 0 at position %d has no input dimension left in %s",
            codes, i, x);
        out[n++] = x.dim(src++);
      } else if (v == -1) {
        Shapes.require(inferAt < 0, "reshape %s: only one dimension can be -1", codes);
        inferAt = i;
        out[n++] = 1;
        src++;
      } else if (v == -2) {
        while (src < nd) {
          out[n++] = x.dim(src++);
        }
      } else if (v == -3) {
        Shapes.require(src + 1 < nd, "reshape %s: code -3 at position %d needs two input dimensions, %s has"
            + " %d left", codes, i, x, Math.max(nd - src, 0));
        out[n++] = (long) x.dim(src) * x.dim(src + 1);
        src += 2;
      } else if (v == -4) {
        Shapes.require(i + 2 < shape.length, "reshape %s: code -4 at position %d must be followed by two"
            + " values", codes, i);
        Shapes.require(src < nd, "reshape %s: code -4 at position %d has no input dimension left in %s",
            codes, i, x);
        long d0 = x.dim(src++);
        int d1 = shape[++i];
        int d2 = shape[++i];
        Shapes.require(d1 != -1 || d2 != -1, "reshape %s: the two values after -4 cannot both be -1", codes);
        if (d1 == -1) {
          Shapes.require(d2 != 0, "reshape %s: cannot split dimension %d as (-1, 0)", codes, d0);
          d1 = (int) (d0 / d2);
        }
        if (d2 == -1) {
          Shapes.require(d1 != 0, "reshape %s: cannot split dimension %d as (0, -1)", codes, d0);
          d2 = (int) (d0 / d1);
        }
        Shapes.require(d1 * d2 == (int) d0, "reshape %s: split dims %d x %d do not make input dimension %d",
            codes, d1, d2, d0);
        out[n++] = d1;
        out[n++] = d2;
      }
    }
    long size = x.size();
    if (inferAt >= 0) {
      int known = 1;
      for (int k = 0; k < n; k++) {
        known *= (int) out[k];
      }
      Shapes.require(known > 0, "reshape %s: cannot infer the -1 dimension of %s from a known size of %d",
          codes, x, known);
      if (inferAt < n) {
        out[inferAt] = size / known;
      }
    }
    long[] dims = Arrays.copyOf(out, n);
    long product = 1;
    for (long d : dims) {
      product *= d;
    }
    Shapes.require(n > 0 && product == size, "reshape %s of input %s gives %s, which does not have %d elements",
        codes, x, Arrays.toString(dims), size);
    return new Shape[] {Shapes.checked(dims)};
  }

  @Override
  public int[] inferPrecisions(Shape[] in, int[] p) {
    return Precision.one(p[0]);
  }

  @Override
  public void compute(Tensor[] in, Tensor[] out, Parallel parallel) {
    FlatCopy.copy(in[0], out[0]);
  }

  @Override
  public String toString() {
    return "Reshape[shape=" + OpAttrs.tuple(shape) + "]";
  }
}
