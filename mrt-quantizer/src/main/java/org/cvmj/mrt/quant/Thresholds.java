package org.cvmj.mrt.quant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cvmj.mrt.MrtException;

/** Calibrated threshold of each node's output (its float range ±th), in node order. */
public record Thresholds(Map<String, Double> byNode) {
  public Thresholds {
    byNode = Collections.unmodifiableMap(new LinkedHashMap<>(byNode));
  }

  public double of(String node) {
    Double th = byNode.get(node);
    if (th == null) {
      throw new IllegalStateException("no threshold for node '" + node + "'");
    }
    return th;
  }

  /** The config's {@code Thresholds} entries replace calibrated values; a name that is no node is an error. */
  public Thresholds override(Map<String, Double> overrides) {
    Map<String, Double> th = new LinkedHashMap<>(byNode);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!th.containsKey(e.getKey())) {
        throw new MrtException("[QUANTIZATION] Thresholds: '" + e.getKey() + "' is not a layer of the prepared"
            + " model; layers: " + th.keySet());
      }
      th.put(e.getKey(), e.getValue());
    }
    return new Thresholds(th);
  }
}
