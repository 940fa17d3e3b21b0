package org.cvmj.mrt.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.mrt.MrtException;

/**
 * A float model: a graph plus values for some of its variables (weights, biases and BatchNorm statistics,
 * without MXNet's {@code arg:}/{@code aux:} prefixes). The variables without values are the model's inputs.
 * Parameter order is kept as given, so that a file read and written back keeps its order.
 */
public record FModel(FGraph graph, Map<String, FTensor> params) {
  public FModel {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    List<String> vars = graph.variableNames();
    for (String name : params.keySet()) {
      if (!vars.contains(name)) {
        throw new MrtException("parameter '" + name + "' is not a variable of the graph");
      }
    }
  }

  /** The variables that have no value: what a caller feeds. */
  public List<String> inputNames() {
    List<String> in = new ArrayList<>();
    for (String v : graph.variableNames()) {
      if (!params.containsKey(v)) {
        in.add(v);
      }
    }
    return in;
  }
}
