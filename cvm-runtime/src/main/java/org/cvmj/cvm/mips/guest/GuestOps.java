package org.cvmj.cvm.mips.guest;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.op.elemwise.Clip;
import org.cvmj.cvm.op.nn.MaxPool2d;
import org.cvmj.cvm.op.reduce.Max;
import org.cvmj.cvm.op.reduce.Sum;
import org.cvmj.cvm.op.requant.CvmClip;
import org.cvmj.cvm.op.requant.CvmLeftShift;
import org.cvmj.cvm.op.requant.CvmLut;
import org.cvmj.cvm.op.requant.CvmRightShift;
import org.cvmj.cvm.tensor.Shape;

/**
 * The operators the guest implements, by runtime name, each with its lowering onto a guest kernel.
 * Operators missing here (get_valid_counts, non_max_suppression) make {@link ModelPlan#encode} refuse
 * the model.
 */
final class GuestOps {
  private GuestOps() {}

  private static final Map<String, Lowering> LOWERINGS = Map.ofEntries(
      entry("conv2d", MatrixLowering::conv2d),
      entry("dense", MatrixLowering::dense),
      entry("relu", (p, n) -> clip(n, p, 0, Integer.MAX_VALUE)),
      entry("cvm_clip", (p, n) -> {
        int r = Precision.range(((CvmClip) n.op()).precision());
        return clip(n, p, -r, r);
      }),
      entry("clip", (p, n) -> clip(n, p, ((Clip) n.op()).min(), ((Clip) n.op()).max())),
      entry("cvm_right_shift", (p, n) -> {
        CvmRightShift s = (CvmRightShift) n.op();
        int r = Precision.range(s.precision());
        return new int[] {PlanFormat.OP_RSHIFT, n.inputs()[0], n.firstEntry(), out(p, n), s.shiftBit() - 1, -r, r};
      }),
      entry("cvm_left_shift", (p, n) -> {
        CvmLeftShift s = (CvmLeftShift) n.op();
        int r = Precision.range(s.precision());
        return new int[] {PlanFormat.OP_LSHIFT, n.inputs()[0], n.firstEntry(), out(p, n), s.shiftBit(), -r, r};
      }),
      entry("abs", (p, n) -> unary(n, p, PlanFormat.UN_ABS)),
      entry("negative", (p, n) -> unary(n, p, PlanFormat.UN_NEG)),
      entry("cvm_precision", (p, n) -> unary(n, p, PlanFormat.UN_PRECISION)),
      entry("cvm_lut", (p, n) -> new int[] {PlanFormat.OP_LUT, n.inputs()[0], n.inputs()[1], n.firstEntry(),
          out(p, n), ((CvmLut) n.op()).inDim() - 1}),
      entry("elemwise_add", (p, n) -> binary(n, p, PlanFormat.BIN_ADD)),
      entry("elemwise_sub", (p, n) -> binary(n, p, PlanFormat.BIN_SUB)),
      entry("broadcast_add", (p, n) -> binary(n, p, PlanFormat.BIN_ADD)),
      entry("broadcast_sub", (p, n) -> binary(n, p, PlanFormat.BIN_SUB)),
      entry("broadcast_mul", (p, n) -> binary(n, p, PlanFormat.BIN_MUL)),
      entry("broadcast_max", (p, n) -> binary(n, p, PlanFormat.BIN_MAX)),
      entry("broadcast_div", (p, n) -> binary(n, p, PlanFormat.BIN_DIV)),
      entry("broadcast_greater", (p, n) -> binary(n, p, PlanFormat.BIN_GREATER)),
      entry("max_pool2d", GuestOps::maxPool),
      entry("sum", (p, n) -> {
        Sum s = (Sum) n.op();
        return reduce(n, p, PlanFormat.RED_SUM, ReduceWalk.of(p.shape(n.inputs()[0]), s.axis(), s.exclude()));
      }),
      entry("max", (p, n) -> {
        Max m = (Max) n.op();
        return reduce(n, p, PlanFormat.RED_MAX, ReduceWalk.of(p.shape(n.inputs()[0]), m.axis(), m.exclude()));
      }),
      // Row-major relabelling: the output is a view of the input, no record.
      entry("flatten", (p, n) -> null),
      entry("reshape", (p, n) -> null),
      entry("expand_dims", (p, n) -> null),
      entry("squeeze", (p, n) -> null),
      entry("transpose", ViewLowering::transpose),
      entry("strided_slice", ViewLowering::stridedSlice),
      entry("slice_like", ViewLowering::sliceLike),
      entry("repeat", ViewLowering::repeat),
      entry("tile", ViewLowering::tile),
      entry("upsampling", ViewLowering::upsampling),
      entry("concatenate", ViewLowering::concatenate),
      entry("take", ViewLowering::take),
      entry("where", ViewLowering::where)
  );

  static Optional<Lowering> lookup(String name) {
    return Optional.ofNullable(LOWERINGS.get(name));
  }

  /** Every operator name the guest implements, sorted. */
  static SortedSet<String> names() {
    return new TreeSet<>(LOWERINGS.keySet());
  }

  private static int out(PlanBuilder p, Node n) {
    return p.size(n.firstEntry());
  }

  /** Fields: x y n lo hi. */
  private static int[] clip(Node n, PlanBuilder p, int lo, int hi) {
    return new int[] {PlanFormat.OP_CLIP, n.inputs()[0], n.firstEntry(), out(p, n), lo, hi};
  }

  /** Fields: kind x y n. */
  private static int[] unary(Node n, PlanBuilder p, int kind) {
    return new int[] {PlanFormat.OP_UNARY, kind, n.inputs()[0], n.firstEntry(), out(p, n)};
  }

  /** Fields: kind a b y, then the broadcast runs. */
  private static int[] binary(Node n, PlanBuilder p, int kind) {
    int[] in = n.inputs();
    int[] runs = BroadcastRuns.of(p.shape(in[0]), p.shape(in[1]), p.shape(n.firstEntry())).fields();
    int[] f = new int[5 + runs.length];
    f[0] = PlanFormat.OP_BINARY;
    f[1] = kind;
    f[2] = in[0];
    f[3] = in[1];
    f[4] = n.firstEntry();
    System.arraycopy(runs, 0, f, 5, runs.length);
    return f;
  }

  /** Fields: kind x y outCount, then the walk. */
  private static int[] reduce(Node n, PlanBuilder p, int kind, ReduceWalk walk) {
    int[] w = walk.fields();
    int[] f = new int[5 + w.length];
    f[0] = PlanFormat.OP_REDUCE;
    f[1] = kind;
    f[2] = n.inputs()[0];
    f[3] = n.firstEntry();
    f[4] = out(p, n);
    System.arraycopy(w, 0, f, 5, w.length);
    return f;
  }

  /** Fields: x y planes H W OH OW PH PW SH SW padH padW. */
  private static int[] maxPool(PlanBuilder p, Node n) {
    MaxPool2d m = (MaxPool2d) n.op();
    Shape x = p.shape(n.inputs()[0]);
    Shape y = p.shape(n.firstEntry());
    return new int[] {PlanFormat.OP_MAXPOOL, n.inputs()[0], n.firstEntry(), x.dim(0) * x.dim(1), x.dim(2),
        x.dim(3), y.dim(2), y.dim(3), m.poolH(), m.poolW(), m.strideH(), m.strideW(), m.padH(), m.padW()};
  }
}
