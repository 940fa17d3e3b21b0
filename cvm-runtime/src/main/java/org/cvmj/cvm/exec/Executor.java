package org.cvmj.cvm.exec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cvmj.cvm.format.ParamTensor;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.cvm.tensor.Tensor;

/**
 * Runs a model as the reference does: one int32 buffer per storage id, every entry a view at offset 0 of
 * its buffer (so entries that share an id alias), operators in node order. Not thread-safe; it owns the
 * buffers. Use one executor per thread, or one executor with several worker threads.
 *
 * <p>The reference copies parameters into storage once at load time, so a graph whose operators write
 * over a parameter's storage gives different results on its second call. Here every run starts from the
 * same state (parameters in file order, then the input), unless no operator or other variable can
 * overwrite a parameter, in which case they are copied once (docs/compatibility.md).
 */
public final class Executor implements AutoCloseable {
  private final Model model;
  private final Graph graph;
  private final Tensor[] entries;
  private final Tensor[][] inputs;
  private final Tensor[][] outputs;
  private final ThreadPool parallel;
  /** Entry of each parameter, in params file order. */
  private final int[] paramEntries;
  private final boolean paramsStable;
  private boolean paramsLoaded;

  public Executor(Model model, int threads) {
    this.model = model;
    this.graph = model.graph();
    this.parallel = new ThreadPool(threads);
    Shape[] shapes = graph.shapes();
    int[] sid = graph.storageIds();
    TreeMap<Integer, Integer> poolSize = new TreeMap<>();
    for (int e = 0; e < shapes.length; e++) {
      poolSize.merge(sid[e], shapes[e].elements(), Math::max);
    }
    TreeMap<Integer, int[]> pools = new TreeMap<>();
    poolSize.forEach((id, size) -> pools.put(id, new int[size]));
    entries = new Tensor[shapes.length];
    for (int e = 0; e < shapes.length; e++) {
      entries[e] = new Tensor(pools.get(sid[e]), shapes[e]);
    }
    List<Node> nodes = graph.nodes();
    inputs = new Tensor[nodes.size()][];
    outputs = new Tensor[nodes.size()][];
    for (Node n : nodes) {
      inputs[n.id()] = Arrays.stream(n.inputs()).mapToObj(e -> entries[e]).toArray(Tensor[]::new);
      outputs[n.id()] = Arrays.copyOfRange(entries, n.firstEntry(), n.firstEntry() + n.numOutputs());
    }
    Map<String, Integer> variableEntry = new HashMap<>();
    for (Node n : nodes) {
      if (n.isVariable()) {
        variableEntry.put(n.name(), n.firstEntry());
      }
    }
    paramEntries = model.params().stream().mapToInt(t -> variableEntry.get(t.name())).toArray();
    paramsStable = computeParamsStable();
  }

  /** True when every parameter's storage id belongs to that parameter alone, so nothing can overwrite it. */
  private boolean computeParamsStable() {
    int[] sid = graph.storageIds();
    Map<Integer, Integer> users = new HashMap<>();
    for (int id : sid) {
      users.merge(id, 1, Integer::sum);
    }
    for (int e : paramEntries) {
      if (users.get(sid[e]) > 1) {
        return false;
      }
    }
    return true;
  }

  public Model model() {
    return model;
  }

  /**
   * Runs the graph on an input already widened to int32 (its length must be the input shape's size) and
   * returns a copy of every head, in head order. The input is clipped to its declared precision.
   */
  public int[][] run(int[] input) {
    Tensor data = entries[graph.inputEntry()];
    if (input.length != data.size()) {
      throw new IllegalArgumentException("input has " + input.length + " values, the model needs "
          + data.size());
    }
    if (!paramsStable || !paramsLoaded) {
      loadParams();
      paramsLoaded = true;
    }
    int p = graph.inputPrecision();
    int[] buf = data.data();
    for (int i = 0; i < input.length; i++) {
      buf[i] = Precision.clip(input[i], p);
    }
    for (Node n : graph.nodes()) {
      if (!n.isVariable()) {
        n.op().compute(inputs[n.id()], outputs[n.id()], parallel);
      }
    }
    int[] heads = graph.heads();
    int[][] result = new int[heads.length][];
    for (int k = 0; k < heads.length; k++) {
      result[k] = entries[heads[k]].toArray();
    }
    return result;
  }

  private void loadParams() {
    List<ParamTensor> params = model.params();
    for (int i = 0; i < params.size(); i++) {
      int[] values = params.get(i).values();
      System.arraycopy(values, 0, entries[paramEntries[i]].data(), 0, values.length);
    }
  }

  @Override
  public void close() {
    parallel.close();
  }
}
