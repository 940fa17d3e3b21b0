package org.cvmj.cvm.op.broadcast;

import java.util.Arrays;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;

/**
 * Numpy broadcasting shared by the six {@code broadcast_*} operators: the shape rule, and an iteration plan
 * that walks the output in row-major order as runs of consecutive output elements.
 *
 * <p>Shapes are right-aligned and padded on the left with 1s; each output dimension is the common value of
 * the two inputs or, where one of them is 1, the other one. An input dimension of 1 maps every output
 * index to 0.
 *
 * <p>The plan drops the output dimensions of size 1 (they carry no index) and merges neighbouring
 * dimensions along which each input behaves the same way (it either follows the output or is broadcast),
 * so that the innermost run is as long as possible. Within a run each input is either read contiguously
 * or is one repeated value: same-shape operands and a scalar operand become a single run over the whole
 * output, and a {@code (1,C,H,W)} by {@code (C,1,1)} product becomes C runs of H*W elements. The
 * operators hold the arithmetic loops themselves, one per case, so that each loop body stays monomorphic.
 */
public final class Broadcast {
  /** Length of the innermost merged dimension: the longest run of consecutive outputs. */
  final int inner;
  /** Whether input A (resp. B) advances by one element per output element inside a run. */
  final boolean aVaries;
  final boolean bVaries;
  /** Sizes and input strides (0 = broadcast) of the merged dimensions outside the run. */
  private final int[] outer;
  private final int[] aStride;
  private final int[] bStride;

  private Broadcast(int inner, boolean aVaries, boolean bVaries, int[] outer, int[] aStride, int[] bStride) {
    this.inner = inner;
    this.aVaries = aVaries;
    this.bVaries = bVaries;
    this.outer = outer;
    this.aStride = aStride;
    this.bStride = bStride;
  }

  /** The shape rule of every broadcast operator: exactly two inputs, numpy-compatible shapes. */
  static Shape[] inferShapes(String op, Shape[] in) throws OpException {
    if (in.length != 2) {
      throw new OpException(op + " takes 2 inputs, got " + in.length);
    }
    return new Shape[] {shape(in[0], in[1])};
  }

  static Shape shape(Shape a, Shape b) throws OpException {
    if (a.equals(b)) {
      return a;
    }
    int n = Math.max(a.ndim(), b.ndim());
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int l = padded(a, n, i);
      int r = padded(b, n, i);
      if (l != r && l != 1 && r != 1) {
        throw new OpException("operands could not be broadcast together with shapes " + a + " and " + b
            + ": aligned dimension " + i + " is " + l + " vs " + r);
      }
      out[i] = l == 1 ? r : l;
    }
    return Shape.of(out);
  }

  /** Dimension {@code i} of {@code s} right-aligned to {@code n} dimensions. */
  private static int padded(Shape s, int n, int i) {
    int j = i - (n - s.ndim());
    return j >= 0 ? s.dim(j) : 1;
  }

  /**
   * Builds the iteration plan for inputs of shapes {@code a}, {@code b} and the broadcast output {@code y}.
   * Public for the MIPS guest's encoder, which hands the same plan to its binary kernel.
   */
  public static Broadcast plan(Shape a, Shape b, Shape y) {
    int n = y.ndim();
    int[] aContig = paddedStrides(a, n);
    int[] bContig = paddedStrides(b, n);
    int[] size = new int[n];
    int[] as = new int[n];
    int[] bs = new int[n];
    boolean[] af = new boolean[n];
    boolean[] bf = new boolean[n];
    int g = 0;
    for (int i = 0; i < n; i++) {
      int d = y.dim(i);
      if (d == 1) {
        continue;
      }
      boolean aFull = padded(a, n, i) == d;
      boolean bFull = padded(b, n, i) == d;
      if (g > 0 && af[g - 1] == aFull && bf[g - 1] == bFull) {
        // The dimensions in between are all 1, so the merged index times the inner stride is the offset.
        size[g - 1] *= d;
        as[g - 1] = aFull ? aContig[i] : 0;
        bs[g - 1] = bFull ? bContig[i] : 0;
      } else {
        size[g] = d;
        as[g] = aFull ? aContig[i] : 0;
        bs[g] = bFull ? bContig[i] : 0;
        af[g] = aFull;
        bf[g] = bFull;
        g++;
      }
    }
    if (g == 0) {
      // A single output element: both inputs have exactly one element.
      return new Broadcast(1, true, true, new int[0], new int[0], new int[0]);
    }
    int last = g - 1;
    return new Broadcast(size[last], af[last], bf[last],
        Arrays.copyOf(size, last), Arrays.copyOf(as, last), Arrays.copyOf(bs, last));
  }

  /** Row-major strides of {@code s} right-aligned to {@code n} dimensions (padding dimensions get 0). */
  private static int[] paddedStrides(Shape s, int n) {
    int[] st = new int[n];
    int acc = 1;
    for (int i = n - 1; i >= n - s.ndim(); i--) {
      st[i] = acc;
      acc *= s.dim(i - (n - s.ndim()));
    }
    return st;
  }

  /** The run length (the field, for code outside this package). */
  public int inner() {
    return inner;
  }

  /** Whether A steps by one inside a run (the field, for code outside this package). */
  public boolean aVaries() {
    return aVaries;
  }

  /** Whether B steps by one inside a run (the field, for code outside this package). */
  public boolean bVaries() {
    return bVaries;
  }

  /** Sizes of the merged dimensions outside the run, outermost first. */
  public int[] outerSizes() {
    return outer.clone();
  }

  /** A's stride (0: broadcast) along each of {@link #outerSizes()}. */
  public int[] aStrides() {
    return aStride.clone();
  }

  /** B's stride (0: broadcast) along each of {@link #outerSizes()}. */
  public int[] bStrides() {
    return bStride.clone();
  }

  /** A cursor over the runs that cover the output range {@code [from, to)}. */
  Cursor cursor(int from, int to) {
    return new Cursor(from, to);
  }

  /**
   * Yields runs: after {@link #next()} returns true, outputs {@code y .. y+length-1} are computed from A
   * starting at {@code a} (stepping 1 if {@link #aVaries}, else repeating) and B likewise.
   */
  final class Cursor {
    int y;
    int a;
    int b;
    int length;
    private int pos;
    private final int end;
    private int col;
    private final int[] idx;
    private int aRow;
    private int bRow;

    private Cursor(int from, int to) {
      pos = from;
      end = to;
      col = from % inner;
      idx = new int[outer.length];
      int row = from / inner;
      for (int d = outer.length - 1; d >= 0; d--) {
        idx[d] = row % outer[d];
        row /= outer[d];
        aRow += idx[d] * aStride[d];
        bRow += idx[d] * bStride[d];
      }
    }

    boolean next() {
      if (pos >= end) {
        return false;
      }
      length = Math.min(end - pos, inner - col);
      y = pos;
      a = aVaries ? aRow + col : aRow;
      b = bVaries ? bRow + col : bRow;
      pos += length;
      col += length;
      if (col == inner) {
        col = 0;
        nextRow();
      }
      return true;
    }

    private void nextRow() {
      for (int d = outer.length - 1; d >= 0; d--) {
        aRow += aStride[d];
        bRow += bStride[d];
        if (++idx[d] < outer[d]) {
          return;
        }
        aRow -= aStride[d] * outer[d];
        bRow -= bStride[d] * outer[d];
        idx[d] = 0;
      }
    }
  }
}
