package org.cvmj.mrt.nn;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FNode;

/** The float executor's operator table: MXNet operator name to the parser that builds its {@link FloatOp}. */
public final class FloatOps {
  private static final Map<String, Function<FNode, FloatOp>> TABLE = table();

  private FloatOps() {}

  private static Map<String, Function<FNode, FloatOp>> table() {
    Map<String, Function<FNode, FloatOp>> t = new TreeMap<>();
    t.put("Convolution", ConvolutionOp::new);
    t.put("FullyConnected", FullyConnectedOp::new);
    t.put("Pooling", PoolingOp::new);
    t.put("BatchNorm", BatchNormOp::new);
    t.put("Activation", UnaryOp::activation);
    t.put("LeakyReLU", LeakyReluOp::new);
    unary(t, "relu", UnaryFn.RELU);
    unary(t, "sigmoid", UnaryFn.SIGMOID);
    unary(t, "tanh", UnaryFn.TANH);
    unary(t, "softsign", UnaryFn.SOFTSIGN);
    unary(t, "abs", UnaryFn.ABS);
    unary(t, "negative", UnaryFn.NEGATIVE);
    unary(t, "exp", UnaryFn.EXP);
    unary(t, "log", UnaryFn.LOG);
    unary(t, "sqrt", UnaryFn.SQRT);
    unary(t, "square", UnaryFn.SQUARE);
    for (String id : new String[] {"_copy", "identity", "BlockGrad", "stop_gradient"}) {
      unary(t, id, UnaryFn.IDENTITY);
    }
    t.put("clip", ClipOp::new);
    t.put("Dropout", DropoutOp::new);
    t.put("Flatten", FlattenOp::new);
    t.put("flatten", FlattenOp::new);
    t.put("Reshape", ReshapeOp::new);
    t.put("reshape", ReshapeOp::new);
    t.put("expand_dims", ExpandDimsOp::new);
    t.put("squeeze", SqueezeOp::new);
    t.put("transpose", TransposeOp::new);
    t.put("Concat", ConcatOp::new);
    t.put("concat", ConcatOp::new);
    t.put("slice_axis", SliceAxisOp::new);
    t.put("softmax", n -> SoftmaxOp.softmax(n, false));
    t.put("log_softmax", n -> SoftmaxOp.softmax(n, true));
    t.put("SoftmaxOutput", SoftmaxOp::softmaxOutput);
    t.put("SoftmaxActivation", SoftmaxOp::softmaxActivation);
    binary(t, BinaryFn.ADD, false, "elemwise_add", "_plus", "_add", "_Plus");
    binary(t, BinaryFn.SUB, false, "elemwise_sub", "_minus", "_sub", "_Minus");
    binary(t, BinaryFn.MUL, false, "elemwise_mul", "_mul", "_Mul");
    binary(t, BinaryFn.DIV, false, "elemwise_div", "_div", "_Div");
    binary(t, BinaryFn.MAX, false, "_maximum", "_Maximum");
    binary(t, BinaryFn.MIN, false, "_minimum", "_Minimum");
    binary(t, BinaryFn.ADD, true, "broadcast_add", "broadcast_plus");
    binary(t, BinaryFn.SUB, true, "broadcast_sub", "broadcast_minus");
    binary(t, BinaryFn.MUL, true, "broadcast_mul");
    binary(t, BinaryFn.DIV, true, "broadcast_div");
    binary(t, BinaryFn.MAX, true, "broadcast_maximum");
    binary(t, BinaryFn.MIN, true, "broadcast_minimum");
    binary(t, BinaryFn.POW, true, "broadcast_power");
    scalar(t, "_plus_scalar", BinaryFn.ADD, false);
    scalar(t, "_minus_scalar", BinaryFn.SUB, false);
    scalar(t, "_mul_scalar", BinaryFn.MUL, false);
    scalar(t, "_div_scalar", BinaryFn.DIV, false);
    scalar(t, "_rminus_scalar", BinaryFn.SUB, true);
    scalar(t, "_rdiv_scalar", BinaryFn.DIV, true);
    scalar(t, "_maximum_scalar", BinaryFn.MAX, false);
    scalar(t, "_minimum_scalar", BinaryFn.MIN, false);
    scalar(t, "_power_scalar", BinaryFn.POW, false);
    t.put("add_n", AddNOp::new);
    t.put("ElementWiseSum", AddNOp::new);
    reduce(t, ReduceOp.Kind.SUM, "sum", "sum_axis");
    reduce(t, ReduceOp.Kind.MEAN, "mean");
    reduce(t, ReduceOp.Kind.MAX, "max", "max_axis");
    reduce(t, ReduceOp.Kind.MIN, "min", "min_axis");
    t.put("zeros_like", n -> new FillLikeOp(n, 0f));
    t.put("ones_like", n -> new FillLikeOp(n, 1f));
    return Collections.unmodifiableMap(t);
  }

  private static void unary(Map<String, Function<FNode, FloatOp>> t, String name, UnaryFn fn) {
    t.put(name, n -> new UnaryOp(n, fn));
  }

  private static void binary(Map<String, Function<FNode, FloatOp>> t, BinaryFn fn, boolean broadcast,
      String... names) {
    for (String name : names) {
      t.put(name, n -> new BinaryOp(n, fn, broadcast));
    }
  }

  private static void scalar(Map<String, Function<FNode, FloatOp>> t, String name, BinaryFn fn, boolean rev) {
    t.put(name, n -> new ScalarOp(n, fn, rev));
  }

  private static void reduce(Map<String, Function<FNode, FloatOp>> t, ReduceOp.Kind kind, String... names) {
    for (String name : names) {
      t.put(name, n -> new ReduceOp(n, kind));
    }
  }

  /** Parses a node's attributes into its operator; an unknown operator or a bad attribute is an MrtException. */
  public static FloatOp parse(FNode node) {
    if (node.isVariable()) {
      throw new MrtException("node '" + node.name() + "' is a variable, not an operator");
    }
    Function<FNode, FloatOp> parser = TABLE.get(node.op());
    if (parser == null) {
      throw new MrtException("node '" + node.name() + "' (op " + node.op() + "): operator " + node.op()
          + " is not supported by the float executor; supported: " + String.join(", ", supported()));
    }
    return parser.apply(node);
  }

  /** The supported operator names, sorted. */
  public static SortedSet<String> supported() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(TABLE.keySet()));
  }
}
