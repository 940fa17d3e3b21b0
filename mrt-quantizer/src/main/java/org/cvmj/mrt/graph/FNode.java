package org.cvmj.mrt.graph;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node of a float graph, as MXNet's symbol JSON has it: an operator name ({@code "null"} for a variable),
 * a unique node name, string attributes (kept sorted so that files never depend on map order), inputs.
 */
public record FNode(String op, String name, Map<String, String> attrs, List<Entry> inputs) {
  public static final String VARIABLE = "null";

  public FNode {
    attrs = Collections.unmodifiableMap(new TreeMap<>(attrs));
    inputs = List.copyOf(inputs);
  }

  public static FNode variable(String name) {
    return new FNode(VARIABLE, name, Map.of(), List.of());
  }

  public boolean isVariable() {
    return VARIABLE.equals(op);
  }

  /** The attributes as typed values, for an operator's parser. */
  public MxAttrs typedAttrs() {
    return new MxAttrs(op, name, attrs);
  }

  public FNode withInputs(List<Entry> newInputs) {
    return new FNode(op, name, attrs, newInputs);
  }
}
