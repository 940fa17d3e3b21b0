package org.cvmj.cvm.op.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Operators;
import org.cvmj.cvm.op.Parallel;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The loader feeds these rules attributes from untrusted models: whatever the values, parsing and shape
 * inference either succeed or throw {@link OpException}, and whatever they accept computes without error
 * and identically for any chunking of the output.
 */
class HostileAttributesTest {

  private record Case(Operators.Parser parser, List<String> keys) {}

  private static final Map<String, Case> OPS = new LinkedHashMap<>();

  static {
    OPS.put("flatten", new Case(Flatten::parse, List.of()));
    OPS.put("reshape", new Case(Reshape::parse, List.of("shape")));
    OPS.put("expand_dims", new Case(ExpandDims::parse, List.of("axis", "num_newaxis")));
    OPS.put("squeeze", new Case(Squeeze::parse, List.of("axis")));
    OPS.put("transpose", new Case(Transpose::parse, List.of("axes")));
    OPS.put("concatenate", new Case(Concatenate::parse, List.of("axis")));
    OPS.put("repeat", new Case(Repeat::parse, List.of("repeats", "axis")));
    OPS.put("tile", new Case(Tile::parse, List.of("reps")));
    OPS.put("strided_slice", new Case(StridedSlice::parse, List.of("begin", "end", "stride")));
    OPS.put("slice_like", new Case(SliceLike::parse, List.of("axis")));
    OPS.put("take", new Case(Take::parse, List.of("axis")));
    OPS.put("where", new Case(Where::parse, List.of()));
  }

  private static final String[] INTS = {"0", "1", "2", "3", "4", "-1", "-2", "-3", "-4", "-5", "-6", "6", "7",
      "4096", "4097", "-4097", "65536", "16777216", "2147483647", "-2147483648"};

  private static String value(Random rnd) {
    switch (rnd.nextInt(8)) {
      case 0:
        return new String[] {"None", "x", "", "(", "(1,,2)", "1.5", "99999999999"}[rnd.nextInt(7)];
      case 1:
      case 2:
        return INTS[rnd.nextInt(INTS.length)];
      default:
        StringBuilder sb = new StringBuilder("(");
        int n = rnd.nextInt(9);
        for (int i = 0; i < n; i++) {
          sb.append(i == 0 ? "" : ", ").append(rnd.nextInt(3) == 0 ? INTS[rnd.nextInt(INTS.length)]
              : String.valueOf(rnd.nextInt(11) - 5));
        }
        return sb.append(n == 1 ? ",)" : ")").toString();
    }
  }

  private static Shape shape(Random rnd) {
    int[] d = new int[1 + rnd.nextInt(6)];
    for (int i = 0; i < d.length; i++) {
      d[i] = 1 + rnd.nextInt(4);
    }
    return Shape.of(d);
  }

  private static Tensor tensor(Shape s, Random rnd) {
    int[] v = new int[s.elements()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextInt(13) - 4;
    }
    return new Tensor(v, s);
  }

  @Test
  void anyAttributesOnlyEverGiveOpException() {
    Random rnd = new Random(20240611);
    for (Map.Entry<String, Case> e : OPS.entrySet()) {
      int accepted = 0;
      for (int iter = 0; iter < 4000; iter++) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String k : e.getValue().keys()) {
          if (rnd.nextInt(5) != 0) {
            attrs.put(k, value(rnd));
          }
        }
        if (rnd.nextInt(50) == 0) {
          attrs.put("bogus", "1");
        }
        String where = e.getKey() + " " + attrs;
        try {
          Operator op = e.getValue().parser().parse(new OpAttrs(attrs));
          int n = op.numInputs() > 0 ? op.numInputs() : 1 + rnd.nextInt(3);
          Shape[] in = new Shape[n];
          Shape first = shape(rnd);
          for (int i = 0; i < n; i++) {
            // Related shapes make the multi-input rules accept now and then.
            in[i] = rnd.nextBoolean() ? first : shape(rnd);
          }
          if (e.getKey().equals("where") && rnd.nextBoolean()) {
            in[0] = Shape.of(in[1].dim(0));
            in[2] = in[1];
          }
          Shape[] out = op.inferShapes(in);
          op.inferPrecisions(in, new int[n]);
          if (out[0].size() <= 4096 && out[0].ndim() >= 1) {
            accepted++;
            Tensor[] xs = new Tensor[n];
            for (int i = 0; i < n; i++) {
              xs[i] = tensor(in[i], rnd);
            }
            Tensor y = Tensor.zeros(out[0]);
            op.compute(xs, new Tensor[] {y}, Parallel.SERIAL);
            Tensor z = Tensor.zeros(out[0]);
            op.compute(xs, new Tensor[] {z}, OpRunner.chunked(1 + rnd.nextInt(5)));
            assertArrayEquals(y.toArray(), z.toArray(), where);
          }
        } catch (OpException expected) {
          // rejected with a message: fine
        } catch (RuntimeException ex) {
          fail(where + " threw " + ex, ex);
        }
      }
      assertTrue(accepted >= 50, e.getKey() + ": only " + accepted + " cases reached the kernel");
    }
  }
}
