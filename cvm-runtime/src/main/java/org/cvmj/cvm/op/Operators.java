package org.cvmj.cvm.op;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The operator registry: runtime name to attribute parser. These are the 37 operators every reference
 * backend implements (spec cvm-format-and-ops.md §2.1); each class holds its attributes, shape rule,
 * precision rule, cost and kernel.
 */
public final class Operators {
  private Operators() {}

  /** Parses a node's attributes into a bound operator. */
  @FunctionalInterface
  public interface Parser {
    Operator parse(OpAttrs attrs) throws OpException;
  }

  private static final Map<String, Parser> REGISTRY = Map.ofEntries(
      // nn
      entry("conv2d", org.cvmj.cvm.op.nn.Conv2d::parse),
      entry("dense", org.cvmj.cvm.op.nn.Dense::parse),
      entry("relu", org.cvmj.cvm.op.nn.Relu::parse),
      entry("max_pool2d", org.cvmj.cvm.op.nn.MaxPool2d::parse),
      entry("upsampling", org.cvmj.cvm.op.nn.Upsampling::parse),
      // requantisation
      entry("cvm_clip", org.cvmj.cvm.op.requant.CvmClip::parse),
      entry("cvm_right_shift", org.cvmj.cvm.op.requant.CvmRightShift::parse),
      entry("cvm_left_shift", org.cvmj.cvm.op.requant.CvmLeftShift::parse),
      entry("cvm_precision", org.cvmj.cvm.op.requant.CvmPrecision::parse),
      entry("cvm_lut", org.cvmj.cvm.op.requant.CvmLut::parse),
      // transform
      entry("flatten", org.cvmj.cvm.op.transform.Flatten::parse),
      entry("reshape", org.cvmj.cvm.op.transform.Reshape::parse),
      entry("expand_dims", org.cvmj.cvm.op.transform.ExpandDims::parse),
      entry("squeeze", org.cvmj.cvm.op.transform.Squeeze::parse),
      entry("transpose", org.cvmj.cvm.op.transform.Transpose::parse),
      entry("concatenate", org.cvmj.cvm.op.transform.Concatenate::parse),
      entry("repeat", org.cvmj.cvm.op.transform.Repeat::parse),
      entry("tile", org.cvmj.cvm.op.transform.Tile::parse),
      entry("strided_slice", org.cvmj.cvm.op.transform.StridedSlice::parse),
      entry("slice_like", org.cvmj.cvm.op.transform.SliceLike::parse),
      entry("take", org.cvmj.cvm.op.transform.Take::parse),
      entry("where", org.cvmj.cvm.op.transform.Where::parse),
      // elementwise
      entry("abs", org.cvmj.cvm.op.elemwise.Abs::parse),
      entry("negative", org.cvmj.cvm.op.elemwise.Negative::parse),
      entry("clip", org.cvmj.cvm.op.elemwise.Clip::parse),
      entry("elemwise_add", org.cvmj.cvm.op.elemwise.ElemwiseAdd::parse),
      entry("elemwise_sub", org.cvmj.cvm.op.elemwise.ElemwiseSub::parse),
      // broadcast
      entry("broadcast_add", org.cvmj.cvm.op.broadcast.BroadcastAdd::parse),
      entry("broadcast_sub", org.cvmj.cvm.op.broadcast.BroadcastSub::parse),
      entry("broadcast_mul", org.cvmj.cvm.op.broadcast.BroadcastMul::parse),
      entry("broadcast_max", org.cvmj.cvm.op.broadcast.BroadcastMax::parse),
      entry("broadcast_div", org.cvmj.cvm.op.broadcast.BroadcastDiv::parse),
      entry("broadcast_greater", org.cvmj.cvm.op.broadcast.BroadcastGreater::parse),
      // reduce
      entry("sum", org.cvmj.cvm.op.reduce.Sum::parse),
      entry("max", org.cvmj.cvm.op.reduce.Max::parse),
      // vision
      entry("get_valid_counts", org.cvmj.cvm.op.vision.GetValidCounts::parse),
      entry("non_max_suppression", org.cvmj.cvm.op.vision.NonMaxSuppression::parse)
  );

  public static Optional<Parser> lookup(String name) {
    return Optional.ofNullable(REGISTRY.get(name));
  }

  /** All registered names, sorted. */
  public static SortedSet<String> names() {
    return new TreeSet<>(REGISTRY.keySet());
  }
}
