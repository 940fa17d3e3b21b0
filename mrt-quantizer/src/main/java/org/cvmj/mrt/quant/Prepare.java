package org.cvmj.mrt.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;
import org.cvmj.mrt.graph.MxAttrs;
import org.cvmj.mrt.nn.FloatExecutor;
import org.cvmj.mrt.nn.FloatOps;

/**
 * MRT's preparation (spec mrt-quantizer.md §3.1): rewrites a float model into the operator set the
 * quantizer realises, without changing the function it computes. BatchNorm folds into the convolution
 * before it (or becomes a per-channel multiply and add), average pooling becomes a sum or a depthwise
 * convolution, Dropout and {@code Activation(relu)} simplify, scalar arithmetic becomes a broadcast with a
 * constant, and any operator whose inputs are all constants is evaluated now.
 */
public final class Prepare {
  /** Operators the quantizer has a rule for, after preparation. */
  static final java.util.Set<String> PREPARED_OPS = java.util.Set.of("Convolution", "FullyConnected", "relu",
      "Pooling", "Flatten", "Reshape", "transpose", "elemwise_add", "elemwise_sub", "broadcast_add",
      "broadcast_sub", "broadcast_mul", "Concat", "sum", "clip");

  /** Other MXNet names of the same operators, renamed so that the quantizer sees one name per rule. */
  private static final Map<String, String> ALIASES = Map.of("flatten", "Flatten", "reshape", "Reshape",
      "concat", "Concat", "_plus", "elemwise_add", "_add", "elemwise_add", "_minus", "elemwise_sub", "_sub",
      "elemwise_sub", "broadcast_plus", "broadcast_add", "broadcast_minus", "broadcast_sub", "sum_axis", "sum");

  private final FModel source;
  private final Shape[][] shapes;
  private final FGraphBuilder out = new FGraphBuilder();
  private final Map<String, FTensor> params = new LinkedHashMap<>();
  /** New entry of each source entry (index 0 only: the operators kept here have one visible output). */
  private final Entry[] map;
  private final int[] consumers;

  private Prepare(FModel source, Shape inputShape) {
    this.source = source;
    List<String> inputs = source.inputNames();
    if (inputs.size() != 1) {
      throw new MrtException("the model must have exactly one input variable, it has " + inputs);
    }
    this.shapes = FloatExecutor.of(source).inferShapes(Map.of(inputs.get(0), inputShape));
    this.map = new Entry[source.graph().size()];
    this.consumers = source.graph().consumerCounts();
  }

  /** The prepared model; {@code inputShape} includes the batch axis. */
  public static FModel run(FModel model, Shape inputShape) {
    return new Prepare(model, inputShape).rewrite();
  }

  private FModel rewrite() {
    List<FNode> nodes = source.graph().nodes();
    for (int i = 0; i < nodes.size(); i++) {
      FNode n = nodes.get(i);
      map[i] = n.isVariable() ? variable(n) : operator(n);
    }
    List<Entry> heads = new ArrayList<>();
    for (Entry h : source.graph().heads()) {
      heads.add(mapped(h, "output"));
    }
    // Constants that no node reads any more (folded away) are dropped with their variables.
    return prune(out.build(heads));
  }

  private Entry variable(FNode n) {
    Entry e = out.add(n);
    FTensor value = source.params().get(n.name());
    if (value != null) {
      params.put(n.name(), value);
    }
    return e;
  }

  private Entry mapped(Entry e, String where) {
    if (e.index() != 0) {
      throw new MrtException("'" + where + "' reads output " + e.index() + " of node '"
          + source.graph().node(e.node()).name() + "'; only the first output of an operator can be quantized");
    }
    return map[e.node()];
  }

  private Entry operator(FNode n) {
    MxAttrs a = n.typedAttrs();
    List<Entry> in = new ArrayList<>();
    for (Entry e : n.inputs()) {
      in.add(mapped(e, n.name()));
    }
    switch (n.op()) {
      case "Dropout":
        return in.get(0);
      case "Activation":
        if (!a.requireString("act_type").equals("relu")) {
          throw unsupported(n, "Activation act_type=" + a.requireString("act_type")
              + " (only relu has an integer realisation here)");
        }
        return emit(new FNode("relu", n.name(), Map.of(), in));
      case "BatchNorm":
        return batchNorm(n, a, in);
      case "Pooling":
        return pooling(n, a, in);
      case "FullyConnected":
        return fullyConnected(n, a, in);
      case "_mul_scalar":
        return scalar(n, "broadcast_mul", a.real("scalar", 1), in);
      case "_div_scalar":
        return scalar(n, "broadcast_mul", 1 / a.real("scalar", 1), in);
      case "_plus_scalar":
        return scalar(n, "broadcast_add", a.real("scalar", 0), in);
      case "_minus_scalar":
        return scalar(n, "broadcast_add", -a.real("scalar", 0), in);
      default:
        String op = ALIASES.getOrDefault(n.op(), n.op());
        if (!PREPARED_OPS.contains(op)) {
          throw unsupported(n, n.op());
        }
        return emit(new FNode(op, n.name(), n.attrs(), in));
    }
  }

  /** Adds an operator node, or its value when every input is a constant (MRT's fuse_constant). */
  private Entry emit(FNode node) {
    boolean constant = !node.inputs().isEmpty();
    for (Entry e : node.inputs()) {
      constant &= params.containsKey(out.node(e).name());
    }
    if (!constant) {
      return out.add(node);
    }
    FTensor[] args = node.inputs().stream().map(e -> params.get(out.node(e).name())).toArray(FTensor[]::new);
    FTensor value = FloatOps.parse(node).forward(args)[0];
    return constant(node.name(), value);
  }

  private Entry constant(String name, FTensor value) {
    String unique = out.contains(name) ? out.fresh(name + "_") : name;
    params.put(unique, value);
    return out.variable(unique);
  }

  private Entry scalar(FNode n, String op, double value, List<Entry> in) {
    Entry c = constant(n.name() + "_scalar", FTensor.of(Shape.of(1), (float) value));
    return emit(new FNode(op, n.name(), Map.of(), List.of(in.get(0), c)));
  }

  private Entry batchNorm(FNode n, MxAttrs a, List<Entry> in) {
    // MXNet's own defaults (eps 1e-3, fix_gamma true), so that the prepared graph computes what MXNet did.
    double eps = a.real("eps", 1e-3);
    boolean fixGamma = a.bool("fix_gamma", true);
    if (a.integer("axis", 1) != 1) {
      throw unsupported(n, "BatchNorm with axis " + a.integer("axis", 1));
    }
    FTensor gamma = constantInput(n, in, 1, "gamma");
    FTensor beta = constantInput(n, in, 2, "beta");
    FTensor mean = constantInput(n, in, 3, "moving_mean");
    FTensor var = constantInput(n, in, 4, "moving_var");
    int c = mean.data().length;
    double[] sc = new double[c];
    double[] bias = new double[c];
    for (int k = 0; k < c; k++) {
      sc[k] = (fixGamma ? 1.0 : gamma.data()[k]) / Math.sqrt(var.data()[k] + eps);
      bias[k] = beta.data()[k] - sc[k] * mean.data()[k];
    }
    FNode producer = out.node(in.get(0));
    int sourceProducer = indexOfSource(producer.name());
    if (producer.op().equals("Convolution") && sourceProducer >= 0 && consumers[sourceProducer] == 1) {
      return foldIntoConvolution(n, producer, in.get(0), sc, bias);
    }
    float[] scale = new float[c];
    float[] shift = new float[c];
    for (int k = 0; k < c; k++) {
      scale[k] = (float) sc[k];
      shift[k] = (float) bias[k];
    }
    Entry s = constant(n.name() + "_scale", FTensor.of(Shape.of(1, c, 1, 1), scale));
    Entry mul = out.add(new FNode("broadcast_mul", n.name() + "_mul", Map.of(), List.of(in.get(0), s)));
    Entry b = constant(n.name() + "_shift", FTensor.of(Shape.of(1, c, 1, 1), shift));
    return out.add(new FNode("broadcast_add", n.name(), Map.of(), List.of(mul, b)));
  }

  private int indexOfSource(String name) {
    return source.graph().indexOf(name).orElse(-1);
  }

  /**
   * BN(conv(x, W) + b) = conv(x, W·sc) + (sc·b + β − sc·mean): the convolution is re-emitted with the scaled
   * weights and the combined bias, named {@code <conv>_<bn>}; the unfused convolution is pruned as unused.
   */
  private Entry foldIntoConvolution(FNode bn, FNode conv, Entry convEntry, double[] sc, double[] bias) {
    MxAttrs ca = conv.typedAttrs();
    FTensor w = params.get(out.node(conv.inputs().get(1)).name());
    if (w == null) {
      throw unsupported(conv, "Convolution whose weight is not a constant");
    }
    boolean hasBias = !ca.bool("no_bias", false);
    FTensor b = hasBias ? params.get(out.node(conv.inputs().get(2)).name()) : null;
    int oc = w.shape().dim(0);
    int per = w.data().length / oc;
    float[] nw = new float[w.data().length];
    float[] nb = new float[oc];
    for (int o = 0; o < oc; o++) {
      for (int j = 0; j < per; j++) {
        nw[o * per + j] = (float) (w.data()[o * per + j] * sc[o]);
      }
      nb[o] = (float) (sc[o] * (b == null ? 0 : b.data()[o]) + bias[o]);
    }
    String fused = conv.name() + "_" + bn.name();
    Entry weight = constant(fused + "_weight", new FTensor(w.shape(), nw));
    Entry newBias = constant(fused + "_bias", FTensor.of(Shape.of(oc), nb));
    Map<String, String> attrs = new LinkedHashMap<>(conv.attrs());
    attrs.put("no_bias", "False");
    return out.add(new FNode("Convolution", fused, attrs, List.of(conv.inputs().get(0), weight, newBias)));
  }

  private FTensor constantInput(FNode n, List<Entry> in, int k, String what) {
    FTensor v = in.size() > k ? params.get(out.node(in.get(k)).name()) : null;
    if (v == null) {
      throw unsupported(n, n.op() + " whose " + what + " is not a constant parameter");
    }
    return v;
  }

  private Entry pooling(FNode n, MxAttrs a, List<Entry> in) {
    Shape x = shapes[n.inputs().get(0).node()][n.inputs().get(0).index()];
    String type = a.string("pool_type", "max");
    boolean global = a.bool("global_pool", false);
    int h = x.dim(2);
    int w = x.dim(3);
    if (type.equals("max")) {
      if (!global) {
        return emit(n.withInputs(in));
      }
      return out.add(new FNode("Pooling", n.name(), Map.of("pool_type", "max", "kernel", "(" + h + ", " + w + ")"),
          in));
    }
    if (!type.equals("avg")) {
      throw unsupported(n, "Pooling pool_type=" + type);
    }
    if (global) {
      Entry sum = out.add(new FNode("sum", n.name() + "_sum", Map.of("axis", "(2, 3)", "keepdims", "True"), in));
      Entry k = constant(n.name() + "_scale", FTensor.of(Shape.of(1), (float) (1.0 / (h * w))));
      return out.add(new FNode("broadcast_mul", n.name(), Map.of(), List.of(sum, k)));
    }
    if (!a.bool("count_include_pad", true)) {
      throw unsupported(n, "average Pooling with count_include_pad=False");
    }
    int[] kernel = a.tuple("kernel", 2, 1);
    int c = x.dim(1);
    float[] weights = new float[c * kernel[0] * kernel[1]];
    java.util.Arrays.fill(weights, 1f / (kernel[0] * kernel[1]));
    Entry wt = constant(n.name() + "_weight", FTensor.of(Shape.of(c, 1, kernel[0], kernel[1]), weights));
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("kernel", MxAttrs.formatTuple(kernel));
    attrs.put("stride", MxAttrs.formatTuple(a.tuple("stride", 2, 1)));
    attrs.put("pad", MxAttrs.formatTuple(a.tuple("pad", 2, 0)));
    attrs.put("num_filter", Integer.toString(c));
    attrs.put("num_group", Integer.toString(c));
    attrs.put("no_bias", "True");
    if (a.string("pooling_convention", "valid").equals("full")) {
      throw unsupported(n, "average Pooling with pooling_convention=full");
    }
    return out.add(new FNode("Convolution", n.name(), attrs, List.of(in.get(0), wt)));
  }

  private Entry fullyConnected(FNode n, MxAttrs a, List<Entry> in) {
    Shape x = shapes[n.inputs().get(0).node()][n.inputs().get(0).index()];
    List<Entry> args = new ArrayList<>(in);
    boolean flatten = a.bool("flatten", true);
    if (!flatten && x.ndim() != 2) {
      throw unsupported(n, "FullyConnected flatten=False on a " + x.ndim() + "-D input");
    }
    if (x.ndim() > 2) {
      args.set(0, out.add(new FNode("Flatten", n.name() + "_flatten", Map.of(), List.of(in.get(0)))));
    }
    long k = x.size() / x.dim(0);
    if (k > 65536) {
      throw unsupported(n, "FullyConnected with " + k + " inputs per row (MRT's split of products longer than"
          + " 65536 terms is not implemented)");
    }
    return emit(n.withInputs(args));
  }


  private static MrtException unsupported(FNode n, String what) {
    return new MrtException("layer '" + n.name() + "': " + what + " cannot be quantized; supported operators: "
        + new java.util.TreeSet<>(PREPARED_OPS) + " plus Activation(relu), BatchNorm, Dropout, Pooling avg,"
        + " scalar arithmetic");
  }

  /** Drops nodes that no output depends on, renumbering inputs. */
  private FModel prune(org.cvmj.mrt.graph.FGraph g) {
    boolean[] live = new boolean[g.size()];
    for (Entry h : g.heads()) {
      live[h.node()] = true;
    }
    for (int i = g.size() - 1; i >= 0; i--) {
      if (live[i]) {
        for (Entry e : g.node(i).inputs()) {
          live[e.node()] = true;
        }
      }
    }
    int[] renumber = new int[g.size()];
    FGraphBuilder b = new FGraphBuilder();
    Map<String, FTensor> kept = new LinkedHashMap<>();
    for (int i = 0; i < g.size(); i++) {
      if (!live[i]) {
        continue;
      }
      FNode n = g.node(i);
      List<Entry> in = new ArrayList<>();
      for (Entry e : n.inputs()) {
        in.add(new Entry(renumber[e.node()], e.index()));
      }
      renumber[i] = b.add(n.withInputs(in)).node();
      if (params.containsKey(n.name())) {
        kept.put(n.name(), params.get(n.name()));
      }
    }
    List<Entry> heads = new ArrayList<>();
    for (Entry h : g.heads()) {
      heads.add(new Entry(renumber[h.node()], h.index()));
    }
    return new FModel(b.build(heads), kept);
  }
}
