package org.cvmj.mrt.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FNode;
import org.cvmj.mrt.graph.FTensor;

/**
 * Runs a float model in MXNet inference semantics (the reference the quantizer calibrates against and
 * compares with). Every node's operator is parsed once, up front; the executor itself knows nothing about
 * individual operators. Variables take their value from the model's parameters or from the caller's inputs;
 * a variable that only feeds training-only slots (SoftmaxOutput's label) may be left out.
 */
public final class FloatExecutor {
  private final FModel model;
  private final FGraph graph;
  private final FloatOp[] ops;
  /** Variables that some operator actually reads (or that are outputs): these must have a value. */
  private final boolean[] read;

  private FloatExecutor(FModel model) {
    this.model = model;
    this.graph = model.graph();
    int n = graph.size();
    ops = new FloatOp[n];
    read = new boolean[n];
    for (int i = 0; i < n; i++) {
      FNode node = graph.node(i);
      if (node.isVariable()) {
        continue;
      }
      ops[i] = FloatOps.parse(node);
      for (int slot = 0; slot < node.inputs().size(); slot++) {
        Entry e = node.inputs().get(slot);
        if (e.index() < 0 || e.index() >= numOutputs(e.node())) {
          throw new MrtException("node '" + node.name() + "' (" + node.op() + "): input " + slot + " reads output "
              + e.index() + " of node '" + graph.node(e.node()).name() + "', which has " + numOutputs(e.node())
              + " outputs");
        }
        if (ops[i].readsInput(slot)) {
          read[e.node()] = true;
        }
      }
    }
    for (Entry h : graph.heads()) {
      if (h.index() < 0 || h.index() >= numOutputs(h.node())) {
        throw new MrtException("output reads output " + h.index() + " of node '" + graph.node(h.node()).name()
            + "', which has " + numOutputs(h.node()) + " outputs");
      }
      read[h.node()] = true;
    }
  }

  /** Parses every node; an unsupported operator or a bad attribute fails here, naming the node. */
  public static FloatExecutor of(FModel model) {
    return new FloatExecutor(model);
  }

  public FModel model() {
    return model;
  }

  /** The parsed operator of node {@code id} (null for a variable). */
  public FloatOp op(int id) {
    return ops[id];
  }

  /** Outputs of node {@code id}: 1 for a variable. */
  public int numOutputs(int id) {
    return ops[id] == null ? 1 : ops[id].numOutputs();
  }

  /**
   * Every node's output shapes (per node, per output; a variable has one), from the shapes of the model's
   * inputs. An input left out that only a training-only slot reads gets a null shape.
   */
  public Shape[][] inferShapes(Map<String, Shape> inputShapes) {
    checkInputNames(inputShapes);
    Shape[][] shapes = new Shape[graph.size()][];
    for (int i = 0; i < graph.size(); i++) {
      FNode node = graph.node(i);
      if (node.isVariable()) {
        FTensor param = model.params().get(node.name());
        Shape s = param != null ? param.shape() : inputShapes.get(node.name());
        if (s == null && read[i]) {
          throw new MrtException("input '" + node.name() + "' is not given; the model's inputs are "
              + model.inputNames());
        }
        shapes[i] = new Shape[] {s};
        continue;
      }
      Shape[] in = new Shape[node.inputs().size()];
      for (int slot = 0; slot < in.length; slot++) {
        Entry e = node.inputs().get(slot);
        in[slot] = shapes[e.node()][e.index()];
      }
      Shape[] out = ops[i].inferShapes(in);
      if (out.length != ops[i].numOutputs()) {
        throw new IllegalStateException("node '" + node.name() + "': " + out.length + " output shapes for "
            + ops[i].numOutputs() + " outputs");
      }
      shapes[i] = out;
    }
    return shapes;
  }

  /** The shapes of the model's outputs (heads), in order. */
  public List<Shape> outputShapes(Map<String, Shape> inputShapes) {
    Shape[][] all = inferShapes(inputShapes);
    List<Shape> out = new ArrayList<>();
    for (Entry h : graph.heads()) {
      out.add(all[h.node()][h.index()]);
    }
    return out;
  }

  /** The model's outputs (heads). Intermediate values are dropped once their last consumer has run. */
  public List<FTensor> forward(Map<String, FTensor> inputs) {
    FTensor[][] values = run(inputs, false);
    List<FTensor> out = new ArrayList<>();
    for (Entry h : graph.heads()) {
      out.add(values[h.node()][h.index()]);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Every node's outputs, in node order (a variable: its value, or null when an optional input is left
   * out). Holds every intermediate value at once: for calibration on modest batches.
   */
  public List<FTensor[]> forwardAll(Map<String, FTensor> inputs) {
    return Collections.unmodifiableList(Arrays.asList(run(inputs, true)));
  }

  private FTensor[][] run(Map<String, FTensor> inputs, boolean keepAll) {
    Map<String, Shape> inShapes = new LinkedHashMap<>();
    for (Map.Entry<String, FTensor> e : inputs.entrySet()) {
      if (e.getValue() == null) {
        throw new MrtException("input '" + e.getKey() + "' has no value");
      }
      inShapes.put(e.getKey(), e.getValue().shape());
    }
    Shape[][] shapes = inferShapes(inShapes);
    int[] remaining = graph.consumerCounts();
    FTensor[][] values = new FTensor[graph.size()][];
    for (int i = 0; i < graph.size(); i++) {
      FNode node = graph.node(i);
      if (node.isVariable()) {
        FTensor param = model.params().get(node.name());
        values[i] = new FTensor[] {param != null ? param : inputs.get(node.name())};
        continue;
      }
      FTensor[] in = new FTensor[node.inputs().size()];
      for (int slot = 0; slot < in.length; slot++) {
        Entry e = node.inputs().get(slot);
        in[slot] = values[e.node()][e.index()];
      }
      FTensor[] out = ops[i].forward(in);
      checkOutputs(node, out, shapes[i]);
      values[i] = out;
      if (!keepAll) {
        for (Entry e : node.inputs()) {
          if (--remaining[e.node()] == 0) {
            values[e.node()] = null;
          }
        }
      }
    }
    return values;
  }

  /** A kernel that disagrees with its own shape rule is a bug here, not a user error. */
  private static void checkOutputs(FNode node, FTensor[] out, Shape[] expected) {
    if (out.length != expected.length) {
      throw new IllegalStateException("node '" + node.name() + "' (" + node.op() + "): " + out.length
          + " outputs, shape rule says " + expected.length);
    }
    for (int k = 0; k < out.length; k++) {
      if (!out[k].shape().equals(expected[k])) {
        throw new IllegalStateException("node '" + node.name() + "' (" + node.op() + "): output " + k
            + " has shape " + out[k].shape() + ", shape rule says " + expected[k]);
      }
    }
  }

  private void checkInputNames(Map<String, ?> given) {
    List<String> inputs = model.inputNames();
    for (String name : given.keySet()) {
      if (model.params().containsKey(name)) {
        throw new MrtException("'" + name + "' is a parameter of the model, not an input; the model's inputs are "
            + inputs);
      }
      if (!inputs.contains(name)) {
        throw new MrtException("unknown input '" + name + "'; the model's inputs are " + inputs);
      }
    }
  }
}
