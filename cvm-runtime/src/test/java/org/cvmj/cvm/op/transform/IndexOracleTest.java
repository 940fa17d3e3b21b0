package org.cvmj.cvm.op.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.function.BiFunction;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The gather kernels against the reference kernels' own formulation: decompose each output index into
 * coordinates, map them to input coordinates with the operator's formula, read that input element.
 */
class IndexOracleTest {

  private static final Random RND = new Random(7);

  private static Shape randomShape(int maxRank) {
    int[] d = new int[1 + RND.nextInt(maxRank)];
    for (int i = 0; i < d.length; i++) {
      d[i] = 1 + RND.nextInt(4);
    }
    return Shape.of(d);
  }

  /** Runs {@code op} on x and compares with {@code y[c] = x[map(c)]}. */
  private static void check(Operator op, Shape xs, BiFunction<int[], Shape, int[]> map) throws OpException {
    Tensor x = OpRunner.iota(xs.dims());
    Tensor y = OpRunner.run(op, x);
    int[] ydims = y.shape().dims();
    int[] expected = new int[y.size()];
    for (int i = 0; i < expected.length; i++) {
      int[] c = new int[ydims.length];
      for (int j = ydims.length - 1, rem = i; j >= 0; j--) {
        c[j] = rem % ydims[j];
        rem /= ydims[j];
      }
      int[] e = map.apply(c, xs);
      int flat = 0;
      for (int j = 0; j < e.length; j++) {
        flat = flat * xs.dim(j) + e[j];
      }
      expected[i] = flat;
    }
    assertArrayEquals(expected, y.toArray(), op + " on " + xs);
  }

  @Test
  void transpose() throws OpException {
    for (int iter = 0; iter < 300; iter++) {
      Shape xs = randomShape(6);
      int nd = xs.ndim();
      int[] perm = new int[nd];
      for (int i = 0; i < nd; i++) {
        perm[i] = i;
      }
      for (int i = nd - 1; i > 0; i--) {
        int k = RND.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[k];
        perm[k] = tmp;
      }
      String[] axes = new String[nd];
      for (int i = 0; i < nd; i++) {
        axes[i] = String.valueOf(RND.nextBoolean() ? perm[i] : perm[i] - nd);
      }
      Operator op = Transpose.parse(OpAttrs.of("axes", "(" + String.join(",", axes) + ",)"));
      check(op, xs, (c, s) -> {
        int[] e = new int[nd];
        for (int j = 0; j < nd; j++) {
          e[perm[j]] = c[j];
        }
        return e;
      });
    }
  }

  @Test
  void repeat() throws OpException {
    for (int iter = 0; iter < 300; iter++) {
      Shape xs = randomShape(5);
      int repeats = 1 + RND.nextInt(3);
      int axis = RND.nextInt(xs.ndim());
      Operator op = Repeat.parse(OpAttrs.of("repeats", String.valueOf(repeats), "axis",
          String.valueOf(RND.nextBoolean() ? axis : axis - xs.ndim())));
      check(op, xs, (c, s) -> {
        int[] e = c.clone();
        e[axis] /= repeats;
        return e;
      });
    }
  }

  @Test
  void tile() throws OpException {
    for (int iter = 0; iter < 300; iter++) {
      Shape xs = randomShape(4);
      String[] reps = new String[1 + RND.nextInt(5)];
      for (int i = 0; i < reps.length; i++) {
        reps[i] = String.valueOf(1 + RND.nextInt(3));
      }
      Operator op = Tile.parse(OpAttrs.of("reps", "(" + String.join(",", reps) + ",)"));
      check(op, xs, (c, s) -> {
        int[] e = new int[s.ndim()];
        for (int j = 0; j < e.length; j++) {
          e[j] = c[j + c.length - e.length] % s.dim(j);
        }
        return e;
      });
    }
  }

  @Test
  void stridedSlice() throws OpException {
    int done = 0;
    while (done < 300) {
      Shape xs = randomShape(4);
      int nd = xs.ndim();
      int[] b = new int[nd];
      int[] en = new int[nd];
      int[] st = new int[nd];
      String[] bs = new String[nd];
      String[] es = new String[nd];
      String[] ss = new String[nd];
      for (int i = 0; i < nd; i++) {
        b[i] = RND.nextInt(13) - 6;
        en[i] = RND.nextInt(13) - 6;
        st[i] = RND.nextInt(7) - 3;
        bs[i] = String.valueOf(b[i]);
        es[i] = String.valueOf(en[i]);
        ss[i] = String.valueOf(st[i]);
      }
      Operator op = StridedSlice.parse(OpAttrs.of("begin", "(" + String.join(",", bs) + ",)",
          "end", "(" + String.join(",", es) + ",)", "stride", "(" + String.join(",", ss) + ",)"));
      try {
        op.inferShapes(new Shape[] {xs});
      } catch (OpException rejected) {
        continue;
      }
      done++;
      check(op, xs, (c, s) -> {
        int[] e = new int[nd];
        for (int j = 0; j < nd; j++) {
          int dim = s.dim(j);
          int start = b[j] < 0 ? b[j] + dim : b[j];
          start = st[j] < 0 ? Math.min(Math.max(start, -1), dim - 1) : Math.min(Math.max(start, 0), dim);
          e[j] = start + c[j] * st[j];
        }
        return e;
      });
    }
  }
}
