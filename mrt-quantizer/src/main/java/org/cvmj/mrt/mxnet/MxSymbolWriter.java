package org.cvmj.mrt.mxnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FNode;

/**
 * Writes an {@link FGraph} as MXNet symbol JSON, in the keys, key order and layout that MXNet 1.x's own
 * {@code Symbol.save} produces: node keys {@code op, name, attrs} (only when non-empty, sorted) and
 * {@code inputs}; then {@code arg_nodes}, {@code node_row_ptr}, {@code heads} and the graph {@code attrs}. Entries
 * are {@code [node, index, 0]} (the version is always 0 in saved files). The output is a pure function of the
 * graph.
 */
public final class MxSymbolWriter {
  /**
   * The version written into {@code attrs.mxnet_version}. libmxnet 1.9.1 reports 10900, and warns when it loads
   * a file that claims a newer version (10901), so we claim exactly 10900.
   */
  public static final int MXNET_VERSION = 10900;

  private MxSymbolWriter() {}

  public static String write(FGraph graph) {
    DmlcJsonWriter w = new DmlcJsonWriter().beginObject(true);
    w.key("nodes").beginArray(true);
    List<Integer> argNodes = new ArrayList<>();
    List<Integer> rowPtr = new ArrayList<>();
    rowPtr.add(0);
    for (int i = 0; i < graph.size(); i++) {
      FNode n = graph.node(i);
      checkText(n.name(), i, n, "name");
      checkText(n.op(), i, n, "op");
      w.item().beginObject(true);
      w.key("op").string(n.op());
      w.key("name").string(n.name());
      if (!n.attrs().isEmpty()) {
        // dmlc writes a map with one key on one line, a larger one a key per line.
        w.key("attrs").beginObject(n.attrs().size() > 1);
        for (Map.Entry<String, String> a : n.attrs().entrySet()) {
          checkText(a.getKey(), i, n, "attribute name");
          checkText(a.getValue(), i, n, "attribute " + a.getKey());
          w.key(a.getKey()).string(a.getValue());
        }
        w.endObject();
      }
      w.key("inputs");
      entries(w, n.inputs());
      w.endObject();
      if (n.isVariable()) {
        argNodes.add(i);
      }
      rowPtr.add(rowPtr.get(rowPtr.size() - 1) + MxOpOutputs.count(n));
    }
    w.endArray();
    w.key("arg_nodes");
    ints(w, argNodes);
    w.key("node_row_ptr");
    ints(w, rowPtr);
    w.key("heads");
    entries(w, graph.heads());
    w.key("attrs").beginObject(false);
    w.key("mxnet_version").beginArray(false).item().string("int").item().number(MXNET_VERSION).endArray();
    w.endObject();
    return w.endObject().text();
  }

  // dmlc puts a vector of plain values (ints, entries) on one line when it has at most 10 items.
  private static void ints(DmlcJsonWriter w, List<Integer> values) {
    w.beginArray(values.size() > 10);
    for (int v : values) {
      w.item().number(v);
    }
    w.endArray();
  }

  private static void entries(DmlcJsonWriter w, List<Entry> entries) {
    w.beginArray(entries.size() > 10);
    for (Entry e : entries) {
      w.item().beginArray(false).item().number(e.node()).item().number(e.index()).item().number(0).endArray();
    }
    w.endArray();
  }

  /** MXNet's JSON reader knows only the escapes \r \n \\ \t \"; other control characters cannot be written. */
  private static void checkText(String s, int index, FNode n, String what) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < 0x20 && c != '\r' && c != '\n' && c != '\t') {
        throw new MrtException("node " + index + " '" + n.name() + "': " + what + " contains control character U+"
            + String.format("%04X", (int) c) + ", which MXNet symbol JSON cannot hold");
      }
    }
  }
}
