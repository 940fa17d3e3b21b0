package org.cvmj.cvm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cvmj.cvm.exec.InferenceCodec;

/** What {@code cvm inspect} reports about a loaded model. */
public record ModelSummary(String version, String postprocess, long gas, long storageBytes, int nodes,
    int variables, int params, Tensor input, List<Tensor> outputs, int inputBytes, int outputBytes,
    Map<String, Integer> operators) {

  /** A graph input or output: its shape and precision. */
  public record Tensor(String name, int[] shape, int precision) {}

  public static ModelSummary of(Model model) throws ModelException {
    Graph g = model.graph();
    Map<String, Integer> histogram = new TreeMap<>();
    int variables = 0;
    for (Node n : g.nodes()) {
      if (n.isVariable()) {
        variables++;
      } else {
        histogram.merge(n.op().name(), 1, Integer::sum);
      }
    }
    List<Tensor> outputs = new ArrayList<>();
    for (int k = 0; k < g.heads().length; k++) {
      int e = g.heads()[k];
      outputs.add(new Tensor("head " + k, g.shapes()[e].dims(), g.precisions()[e]));
    }
    InferenceCodec codec = InferenceCodec.reference(g);
    return new ModelSummary(g.symbol().effectiveVersion(), g.postprocess().key(), Gas.ops(g),
        Gas.storageBytes(g), g.nodes().size(), variables, model.params().size(),
        new Tensor(Graph.INPUT_NAME, g.inputShape().dims(), g.inputPrecision()), outputs,
        codec.inputLength(), codec.outputLength(), histogram);
  }
}
