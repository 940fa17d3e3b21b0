package org.cvmj.mrt.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.MxAttrs;

/**
 * MXNet {@code Reshape}: {@code shape} read left to right against the input's axes, with MXNet's special
 * values: 0 copies the input axis, -1 is inferred from the size (at most one), -2 copies all remaining
 * axes, -3 merges the next two input axes, -4 splits one input axis into the next two values (one may be
 * -1). With reverse=True the matching runs from the right (not combined with -4).
 */
final class ReshapeOp extends ViewOp {
  private final int[] spec;
  private final boolean reverse;

  ReshapeOp(FNode node) {
    super(node);
    MxAttrs a = node.typedAttrs();
    if (a.string("shape").isEmpty() && a.string("target_shape").isPresent()) {
      throw a.fail("target_shape", "(deprecated) is not supported by the float executor; use shape");
    }
    spec = a.requireTuple("shape");
    reverse = a.bool("reverse", false);
    for (int i = 0; i < spec.length; i++) {
      if (spec[i] < -4) {
        throw a.fail("shape", "has value " + spec[i] + "; allowed are positive sizes and 0, -1, -2, -3, -4");
      }
      if (spec[i] == -4 && reverse) {
        throw a.fail("shape", "uses -4 together with reverse=True, which the float executor does not support");
      }
    }
  }

  @Override
  Shape outShape(Shape in) {
    int[] src = in.dims();
    int[] sp = spec.clone();
    if (reverse) {
      reverse(src);
      reverse(sp);
    }
    int[] out = infer(src, sp, in);
    if (reverse) {
      reverse(out);
    }
    return Shape.of(out);
  }

  private int[] infer(int[] src, int[] sp, Shape in) {
    List<Integer> out = new ArrayList<>();
    int s = 0;
    int inferAt = -1;
    for (int i = 0; i < sp.length; i++) {
      int v = sp[i];
      if (v > 0) {
        out.add(v);
        s++;
      } else if (v == 0) {
        out.add(source(src, s++, in));
      } else if (v == -1) {
        inferAt = markInferred(inferAt, out.size());
        out.add(1);
        s++;
      } else if (v == -2) {
        while (s < src.length) {
          out.add(src[s++]);
        }
      } else if (v == -3) {
        int d1 = source(src, s++, in);
        int d2 = source(src, s++, in);
        out.add(d1 * d2);
      } else { // -4: split src[s] into the next two values
        if (i + 2 >= sp.length) {
          throw fail("shape " + Arrays.toString(spec) + ": -4 must be followed by two values");
        }
        int d0 = source(src, s++, in);
        int d1 = sp[++i];
        int d2 = sp[++i];
        if (d1 == -1 && d2 == -1 || d1 < -1 || d2 < -1 || d1 == 0 || d2 == 0) {
          throw fail("shape " + Arrays.toString(spec) + ": the two values after -4 must be positive or one -1");
        }
        d1 = d1 == -1 ? d0 / d2 : d1;
        d2 = d2 == -1 ? d0 / d1 : d2;
        if ((long) d1 * d2 != d0) {
          throw fail("shape " + Arrays.toString(spec) + ": cannot split axis of size " + d0 + " of " + in
              + " into " + d1 + " x " + d2);
        }
        out.add(d1);
        out.add(d2);
      }
    }
    int[] dims = out.stream().mapToInt(Integer::intValue).toArray();
    if (inferAt >= 0) {
      long known = 1;
      for (int i = 0; i < dims.length; i++) {
        known *= i == inferAt ? 1 : dims[i];
      }
      if (known == 0 || in.size() % known != 0) {
        throw fail("cannot reshape " + in + " to " + Arrays.toString(spec) + ": " + in.size()
            + " values do not divide into " + known);
      }
      dims[inferAt] = Math.toIntExact(in.size() / known);
    }
    Shape o = Shape.of(dims);
    if (o.size() != in.size()) {
      throw fail("cannot reshape " + in + " (" + in.size() + " values) to " + Arrays.toString(spec) + " = " + o
          + " (" + o.size() + " values)");
    }
    return dims;
  }

  private int markInferred(int previous, int at) {
    if (previous >= 0) {
      throw fail("shape " + Arrays.toString(spec) + " has more than one -1");
    }
    return at;
  }

  private int source(int[] src, int s, Shape in) {
    if (s >= src.length) {
      throw fail("shape " + Arrays.toString(spec) + " refers to more axes than input " + in + " has");
    }
    return src[s];
  }

  private static void reverse(int[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
