package org.cvmj.cvm.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.format.ParamTensor;
import org.cvmj.cvm.format.ParamsReader;
import org.cvmj.cvm.format.SymbolReader;
import org.cvmj.cvm.op.Precision;

/**
 * A loaded model: a validated {@link Graph} and its parameters, each checked against its variable's shape
 * and precision (rule 12). Immutable and shareable between threads; run it with
 * {@link org.cvmj.cvm.exec.Executor}.
 */
public final class Model {
  public static final String SYMBOL_FILE = "symbol";
  public static final String PARAMS_FILE = "params";

  private final Graph graph;
  private final List<ParamTensor> params;

  private Model(Graph graph, List<ParamTensor> params) {
    this.graph = graph;
    this.params = params;
  }

  public Graph graph() {
    return graph;
  }

  /** The parameters in file order, which is the order the reference copies them into storage. */
  public List<ParamTensor> params() {
    return params;
  }

  /** Loads {@code dir/symbol} and {@code dir/params}. */
  public static Model load(Path dir) throws IOException, ModelException {
    String json = readFile(dir.resolve(SYMBOL_FILE), "symbol");
    byte[] params = Files.readAllBytes(dir.resolve(PARAMS_FILE));
    return load(json, params);
  }

  public static Model load(String symbolJson, byte[] paramsBytes) throws ModelException {
    Graph graph = GraphLoader.load(SymbolReader.read(symbolJson));
    return of(graph, ParamsReader.read(paramsBytes));
  }

  /** Binds parameters to a graph: rule 12. */
  public static Model of(Graph graph, List<ParamTensor> params) throws ModelException {
    Map<String, Node> variables = new HashMap<>();
    for (Node n : graph.nodes()) {
      if (n.isVariable()) {
        variables.put(n.name(), n);
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      ParamTensor t = params.get(i);
      Node v = variables.get(t.name());
      if (v == null) {
        throw new ModelException(Rule.PARAMS, "param " + i + " '" + t.name() + "' is not a variable of the graph");
      }
      if (v.id() == graph.inputNode()) {
        throw new ModelException(Rule.PARAMS, v.id(), v.name(), "the input variable must not be in params");
      }
      Integer previous = seen.putIfAbsent(t.name(), i);
      if (previous != null) {
        throw new ModelException(Rule.PARAMS, v.id(), v.name(), "params " + previous + " and " + i
            + " have the same name");
      }
      int e = v.firstEntry();
      if (!t.shape().equals(graph.shapes()[e])) {
        throw new ModelException(Rule.PARAMS, v.id(), v.name(), "param shape " + t.shape()
            + " differs from the declared shape " + graph.shapes()[e]);
      }
      int p = graph.precisions()[e];
      int range = Precision.range(p);
      int[] values = t.values();
      for (int k = 0; k < values.length; k++) {
        if (values[k] > range || values[k] < -range) {
          throw new ModelException(Rule.PARAMS, v.id(), v.name(), "value " + values[k] + " at flat index " + k
              + " is outside precision " + p + " (|v| <= " + range + ")");
        }
      }
    }
    for (Node n : graph.nodes()) {
      if (n.isVariable() && n.id() != graph.inputNode() && !seen.containsKey(n.name())) {
        throw new ModelException(Rule.PARAMS, n.id(), n.name(), "variable has no value in params");
      }
    }
    return new Model(graph, List.copyOf(params));
  }

  private static String readFile(Path file, String what) throws IOException {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "model " + what + " file not found");
    }
  }
}
