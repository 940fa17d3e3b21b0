package org.cvmj.mrt.config;

/**
 * [SPLIT_MODEL]: only {@code Dump}. MRT's {@code Keys} (split the graph into a quantized base and a float top)
 * must be empty: a float top cannot compile to the integer-only CVM.
 */
public record SplitModel(boolean dump) {
  static SplitModel read(ConfigSection s) {
    s.requireEmpty("Keys", "model splitting is not supported (the float top could not run on the CVM)");
    return new SplitModel(s.bool("Dump"));
  }
}
