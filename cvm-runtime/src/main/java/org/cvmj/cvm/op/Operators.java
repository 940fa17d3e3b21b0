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
      // elementwise
      entry("abs", org.cvmj.cvm.op.elemwise.Abs::parse),
      entry("negative", org.cvmj.cvm.op.elemwise.Negative::parse),
      entry("clip", org.cvmj.cvm.op.elemwise.Clip::parse),
      entry("elemwise_add", org.cvmj.cvm.op.elemwise.ElemwiseAdd::parse),
      entry("elemwise_sub", org.cvmj.cvm.op.elemwise.ElemwiseSub::parse)
      // broadcast, reduce, transform, vision: registered below as they land
  );

  public static Optional<Parser> lookup(String name) {
    return Optional.ofNullable(REGISTRY.get(name));
  }

  /** All registered names, sorted. */
  public static SortedSet<String> names() {
    return new TreeSet<>(REGISTRY.keySet());
  }
}
