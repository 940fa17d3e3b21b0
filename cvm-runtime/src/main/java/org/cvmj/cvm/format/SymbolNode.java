package org.cvmj.cvm.format;

import java.util.List;
import java.util.Map;

/**
 * One element of {@code nodes} in a symbol file, as written. {@code attrs} keeps its key order and is null
 * when absent; {@code precision} is the optional integer the reference reads and ignores.
 */
public record SymbolNode(String op, String name, List<EntryRef> inputs, Map<String, String> attrs,
    Integer precision) {

  public static final String VARIABLE = "null";
  public static final String OPERATOR = "cvm_op";

  public boolean isVariable() {
    return VARIABLE.equals(op);
  }

  /** The {@code func_name} attribute, or null. */
  public String funcName() {
    return attrs == null ? null : attrs.get("func_name");
  }
}
