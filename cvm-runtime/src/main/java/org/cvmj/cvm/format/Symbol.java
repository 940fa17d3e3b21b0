package org.cvmj.cvm.format;

import java.util.List;

/**
 * A symbol file ({@code symbol}: the graph JSON) exactly as written, before any validation beyond its JSON
 * structure. {@code argNodes}, {@code nodeRowPtr}, {@code version} and {@code postprocess} are null when
 * absent.
 */
public record Symbol(List<SymbolNode> nodes, List<Integer> argNodes, List<Integer> nodeRowPtr,
    List<EntryRef> heads, GraphAttrs attrs, String version, String postprocess) {

  public static final String VERSION_1_0 = "cvm_1.0.0";
  public static final String VERSION_1_1 = "cvm_1.1.0";

  /** The declared version, with the reference's default. */
  public String effectiveVersion() {
    return version == null ? VERSION_1_0 : version;
  }
}
