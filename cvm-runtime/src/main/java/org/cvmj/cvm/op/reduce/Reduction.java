package org.cvmj.cvm.op.reduce;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.tensor.Shape;

/**
 * What {@code sum} and {@code max} share: their attributes, the shape rule and an iteration plan.
 *
 * <p>Attributes (reference {@code ReduceParam}): {@code axis} (default {@code ()}), {@code keepdims} and
 * {@code exclude} (default false), and {@code dtype} (default {@code int32}; read and ignored, every tensor
 * is int32). The reduced axes are {@code axis} with negatives counted from the end, or its complement
 * with {@code exclude}; an empty {@code axis} reduces every axis whatever {@code exclude} says.
 *
 * <p>The plan follows numpy (the reference FORMAL backend): each output element combines the input
 * elements that share its indices on the kept axes. The CPU backend's indexing quirk with size-1 axes
 * interleaved between kept axes is not reproduced. Axes of size 1 are dropped and neighbouring axes of the
 * same kind are merged, which makes the usual NCHW reductions a contiguous inner loop.
 */
public final class Reduction {
  /** The dtype names the reference parameter parser accepts for {@code dtype}, plus {@code same}. */
  private static final Set<String> DTYPES = Set.of("float16", "float32", "float64", "uint8", "uint16",
      "uint32", "uint64", "int8", "int16", "int32", "int64", "same");

  /** Above this many outer reduced positions their offsets are computed on the fly instead of tabulated. */
  private static final int OFFSET_TABLE_LIMIT = 1 << 16;

  /** Reads {@code axis} (sorted, as the reference parser stores it) and validates {@code dtype}. */
  static int[] parseAxis(OpAttrs attrs) throws OpException {
    int[] axis = attrs.getTuple("axis", new int[0]);
    String dtype = attrs.getString("dtype", "int32");
    if (!DTYPES.contains(dtype)) {
      throw new OpException("attribute 'dtype' = \"" + dtype + "\" is not one of " + new TreeSet<>(DTYPES));
    }
    Arrays.sort(axis);
    return axis;
  }

  /** The axes to reduce, normalised and ascending; throws on an out-of-range or repeated axis. */
  static int[] reducedAxes(int[] axis, boolean exclude, int ndim) throws OpException {
    if (axis.length == 0) {
      int[] all = new int[ndim];
      for (int i = 0; i < ndim; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] a = new int[axis.length];
    for (int i = 0; i < axis.length; i++) {
      if (axis[i] < -ndim || axis[i] >= ndim) {
        throw new OpException("reduce axis " + axis[i] + " is out of range for " + ndim + " dimensions");
      }
      a[i] = axis[i] < 0 ? axis[i] + ndim : axis[i];
    }
    Arrays.sort(a);
    for (int i = 1; i < a.length; i++) {
      if (a[i] == a[i - 1]) {
        throw new OpException("reduce axis " + OpAttrs.tuple(axis) + " names dimension " + a[i]
            + " twice for " + ndim + " dimensions");
      }
    }
    if (!exclude) {
      return a;
    }
    int[] rest = new int[ndim - a.length];
    for (int d = 0, j = 0, k = 0; d < ndim; d++) {
      if (j < a.length && a[j] == d) {
        j++;
      } else {
        rest[k++] = d;
      }
    }
    return rest;
  }

  static Shape[] inferShapes(String op, Shape[] in, int[] axis, boolean keepdims, boolean exclude)
      throws OpException {
    if (in.length != 1) {
      throw new OpException(op + " takes 1 input, got " + in.length);
    }
    Shape x = in[0];
    int ndim = x.ndim();
    int[] r = reducedAxes(axis, exclude, ndim);
    if (r.length == 0) {
      return new Shape[] {x};
    }
    if (r.length == ndim) {
      int[] ones = new int[keepdims ? ndim : 1];
      Arrays.fill(ones, 1);
      return new Shape[] {Shape.of(ones)};
    }
    int[] dims = x.dims();
    if (keepdims) {
      for (int d : r) {
        dims[d] = 1;
      }
      return new Shape[] {Shape.of(dims)};
    }
    int[] kept = new int[ndim - r.length];
    for (int d = 0, j = 0, k = 0; d < ndim; d++) {
      if (j < r.length && r[j] == d) {
        j++;
      } else {
        kept[k++] = dims[d];
      }
    }
    return new Shape[] {Shape.of(kept)};
  }

  /** {@code size(input) / size(output)}: the number of inputs behind each output element. */
  static long fanIn(Shape in, Shape out) {
    long o = out.size();
    return o <= 0 ? 0 : in.size() / o;
  }

  // ---- iteration plan ----

  /** Merged kept axes: sizes and input strides; the output walks them in row-major order. */
  private final int[] keptSize;
  private final int[] keptStride;
  /** Innermost merged reduced axis. */
  final int inner;
  final int innerStride;
  /** Number of positions of the other merged reduced axes; {@link #outerOffset} gives their offsets. */
  final int outerCount;
  private final int[] outerSize;
  private final int[] outerStride;
  private final int[] offsetTable;
  /** Input elements per output element. */
  final int fanIn;

  private Reduction(int[] keptSize, int[] keptStride, int inner, int innerStride, int[] outerSize,
      int[] outerStride) {
    this.keptSize = keptSize;
    this.keptStride = keptStride;
    this.inner = inner;
    this.innerStride = innerStride;
    this.outerSize = outerSize;
    this.outerStride = outerStride;
    int count = 1;
    for (int s : outerSize) {
      count *= s;
    }
    this.outerCount = count;
    this.fanIn = count * inner;
    if (count <= OFFSET_TABLE_LIMIT) {
      offsetTable = new int[count];
      for (int k = 0; k < count; k++) {
        offsetTable[k] = computeOffset(k);
      }
    } else {
      offsetTable = null;
    }
  }

  /**
   * The plan for an input of shape {@code x}; the attributes must have passed {@link #inferShapes}.
   * Public for the MIPS guest's encoder, which hands the same plan to its reduce kernel.
   */
  public static Reduction plan(Shape x, int[] axis, boolean exclude) {
    int ndim = x.ndim();
    int[] r;
    try {
      r = reducedAxes(axis, exclude, ndim);
    } catch (OpException e) {
      throw new IllegalStateException("reduce attributes were not validated: " + e.getMessage(), e);
    }
    boolean[] reduced = new boolean[ndim];
    for (int d : r) {
      reduced[d] = true;
    }
    int[] stride = x.strides();
    int[] ks = new int[ndim];
    int[] kst = new int[ndim];
    int[] rs = new int[ndim];
    int[] rst = new int[ndim];
    int nk = 0;
    int nr = 0;
    // Which list the previous non-trivial axis went to: merging is valid only with an immediate neighbour
    // (size-1 axes in between have no extent and do not break contiguity).
    int prevKind = -1;
    for (int d = 0; d < ndim; d++) {
      int size = x.dim(d);
      if (size == 1) {
        continue;
      }
      if (reduced[d]) {
        if (prevKind == 1) {
          rs[nr - 1] *= size;
          rst[nr - 1] = stride[d];
        } else {
          rs[nr] = size;
          rst[nr] = stride[d];
          nr++;
        }
        prevKind = 1;
      } else {
        if (prevKind == 0) {
          ks[nk - 1] *= size;
          kst[nk - 1] = stride[d];
        } else {
          ks[nk] = size;
          kst[nk] = stride[d];
          nk++;
        }
        prevKind = 0;
      }
    }
    if (nr == 0) {
      // Nothing to combine (exclude of every axis, or only size-1 axes reduced): each output is one input.
      return new Reduction(Arrays.copyOf(ks, nk), Arrays.copyOf(kst, nk), 1, 0, new int[0], new int[0]);
    }
    return new Reduction(Arrays.copyOf(ks, nk), Arrays.copyOf(kst, nk), rs[nr - 1], rst[nr - 1],
        Arrays.copyOf(rs, nr - 1), Arrays.copyOf(rst, nr - 1));
  }

  /** Sizes of the merged kept axes, outermost first: outputs follow them in row-major order. */
  public int[] keptSizes() {
    return keptSize.clone();
  }

  /** Input strides of {@link #keptSizes()}. */
  public int[] keptStrides() {
    return keptStride.clone();
  }

  /** Sizes of the merged reduced axes, outermost first; the last is {@link #inner} (1 when none). */
  public int[] reducedSizes() {
    int[] s = Arrays.copyOf(outerSize, outerSize.length + 1);
    s[outerSize.length] = inner;
    return s;
  }

  /** Input strides of {@link #reducedSizes()}. */
  public int[] reducedStrides() {
    int[] s = Arrays.copyOf(outerStride, outerStride.length + 1);
    s[outerStride.length] = innerStride;
    return s;
  }

  /** Offset, relative to an output's base, of the k-th position of the outer reduced axes. */
  int outerOffset(int k) {
    return offsetTable != null ? offsetTable[k] : computeOffset(k);
  }

  private int computeOffset(int k) {
    int off = 0;
    for (int d = outerSize.length - 1; d >= 0; d--) {
      off += (k % outerSize[d]) * outerStride[d];
      k /= outerSize[d];
    }
    return off;
  }

  /** Walks the input base offsets of consecutive output elements, starting at output {@code from}. */
  Cursor cursor(int from) {
    return new Cursor(from);
  }

  final class Cursor {
    private final int[] idx = new int[keptSize.length];
    private int base;

    private Cursor(int from) {
      int o = from;
      for (int d = keptSize.length - 1; d >= 0; d--) {
        idx[d] = o % keptSize[d];
        o /= keptSize[d];
        base += idx[d] * keptStride[d];
      }
    }

    /** Input offset of the current output element's first reduced position. */
    int base() {
      return base;
    }

    void next() {
      for (int d = keptSize.length - 1; d >= 0; d--) {
        base += keptStride[d];
        if (++idx[d] < keptSize[d]) {
          return;
        }
        base -= keptStride[d] * keptSize[d];
        idx[d] = 0;
      }
    }
  }
}
