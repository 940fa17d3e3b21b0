package org.cvmj.mrt.nn;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.cvm.tensor.Shape;

/**
 * NumPy broadcasting of two operands, as MXNet 1.x broadcast_* does: the shorter shape gains leading 1s, then
 * each axis must be equal or 1 in one operand. The kernel drops axes of size 1 and merges neighbouring axes
 * that broadcast the same way, so (N, C, H, W) x (1, C, 1, 1) runs as N*C runs of H*W with one scalar each.
 */
final class Broadcast {
  private Broadcast() {}

  /** The output shape, or null when the shapes do not broadcast. */
  static Shape outShape(Shape a, Shape b) {
    int nd = Math.max(a.ndim(), b.ndim());
    int[] out = new int[nd];
    for (int i = 0; i < nd; i++) {
      int da = dimFromEnd(a, nd - 1 - i);
      int db = dimFromEnd(b, nd - 1 - i);
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else {
        return null;
      }
    }
    return Shape.of(out);
  }

  private static int dimFromEnd(Shape s, int fromEnd) {
    int i = s.ndim() - 1 - fromEnd;
    return i < 0 ? 1 : s.dim(i);
  }

  /** out = fn(a, b) broadcast to {@code out}'s shape, which {@link #outShape} gave. */
  static void apply(BinaryFn fn, float[] a, Shape as, float[] b, Shape bs, float[] out, Shape os) {
    if (out.length == 0) {
      return;
    }
    int nd = os.ndim();
    // Collapsed axes: sizes and, per operand, whether it is full (stride > 0) or broadcast along them.
    List<int[]> axes = new ArrayList<>(); // {size, aFull, bFull}
    for (int i = 0; i < nd; i++) {
      int size = os.dim(i);
      if (size == 1) {
        continue;
      }
      int aFull = dimFromEnd(as, nd - 1 - i) == size ? 1 : 0;
      int bFull = dimFromEnd(bs, nd - 1 - i) == size ? 1 : 0;
      int[] last = axes.isEmpty() ? null : axes.get(axes.size() - 1);
      if (last != null && last[1] == aFull && last[2] == bFull) {
        last[0] *= size;
      } else {
        axes.add(new int[] {size, aFull, bFull});
      }
    }
    int k = axes.size();
    if (k == 0) {
      fn.run(a, 0, 0, b, 0, 0, out, 0, 1);
      return;
    }
    int[] size = new int[k];
    int[] aStride = new int[k];
    int[] bStride = new int[k];
    int aAcc = 1;
    int bAcc = 1;
    for (int i = k - 1; i >= 0; i--) {
      int[] ax = axes.get(i);
      size[i] = ax[0];
      aStride[i] = ax[1] == 1 ? aAcc : 0;
      bStride[i] = ax[2] == 1 ? bAcc : 0;
      aAcc *= ax[1] == 1 ? ax[0] : 1;
      bAcc *= ax[2] == 1 ? ax[0] : 1;
    }
    int inner = size[k - 1];
    int aInner = aStride[k - 1] == 0 ? 0 : 1;
    int bInner = bStride[k - 1] == 0 ? 0 : 1;
    int rows = out.length / inner;
    BatchSplit.run(rows, inner, (from, to) -> {
      for (int r = from; r < to; r++) {
        int ao = 0;
        int bo = 0;
        int rest = r;
        for (int i = k - 2; i >= 0; i--) {
          int idx = rest % size[i];
          rest /= size[i];
          ao += idx * aStride[i];
          bo += idx * bStride[i];
        }
        fn.run(a, ao, aInner, b, bo, bInner, out, r * inner, inner);
      }
    });
  }
}
