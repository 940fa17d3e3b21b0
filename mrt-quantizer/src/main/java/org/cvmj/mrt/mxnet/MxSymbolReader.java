package org.cvmj.mrt.mxnet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FNode;

/**
 * Reads MXNet symbol JSON (what {@code mx.sym.save} and Gluon's {@code export} write) into an {@link FGraph}.
 * It accepts what MXNet's own loader accepts: entries of 2 or 3 numbers, node attributes under {@code attrs} or
 * the older keys {@code attr} and {@code param}, the old {@code backward_source_id}, an optional
 * {@code node_row_ptr}, and rejects what it rejects (unknown keys, missing keys). Attributes starting with
 * {@code __} are MXNet hints (shape, dtype, initializer, learning-rate multiplier) and are kept like any other.
 * Every error names the file, the JSON path and, inside a node, its index and name.
 */
public final class MxSymbolReader {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Set<String> TOP_KEYS = Set.of("nodes", "arg_nodes", "node_row_ptr", "heads", "attrs");
  private static final Set<String> NODE_KEYS = Set.of("op", "name", "inputs", "attrs", "attr", "param",
      "control_deps", "subgraphs", "backward_source_id");
  /** Where a node's attributes may be, in the order MXNet merges them. */
  private static final List<String> ATTR_KEYS = List.of("attrs", "attr", "param");

  private final String source;

  private MxSymbolReader(String source) {
    this.source = source;
  }

  public static FGraph read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MrtException(file + ": cannot read MXNet symbol JSON: " + e, e);
    }
    return parse(text, file.toString());
  }

  /** Parses symbol JSON; {@code source} names it in error messages (usually the file name). */
  public static FGraph parse(String json, String source) {
    return new MxSymbolReader(source).graph(json);
  }

  private FGraph graph(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new MrtException(source + ": not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
          + ", column " + loc.getColumnNr()) + ": "
          + e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "["), e);
    }
    if (root == null || !root.isObject()) {
      throw fail("(top level)", "must be a JSON object");
    }
    checkKeys(root, TOP_KEYS, "(top level)");
    JsonNode nodesJson = require(root, "nodes", "(top level)");
    if (!nodesJson.isArray()) {
      throw fail("nodes", "must be an array");
    }
    List<FNode> nodes = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < nodesJson.size(); i++) {
      FNode n = node(nodesJson.get(i), i);
      Integer before = names.put(n.name(), i);
      if (before != null) {
        throw fail("nodes[" + i + "].name", "node " + i + " '" + n.name() + "': name already used by node " + before);
      }
      nodes.add(n);
    }
    argNodes(require(root, "arg_nodes", "(top level)"), nodes);
    int[] outputs = root.has("node_row_ptr") ? outputCounts(root.get("node_row_ptr"), nodes.size()) : null;
    JsonNode headsJson = require(root, "heads", "(top level)");
    if (!headsJson.isArray()) {
      throw fail("heads", "must be an array");
    }
    if (headsJson.isEmpty()) {
      throw fail("heads", "is empty: the graph has no outputs");
    }
    List<Entry> heads = new ArrayList<>();
    for (int k = 0; k < headsJson.size(); k++) {
      heads.add(entry(headsJson.get(k), "heads[" + k + "]", nodes.size(), "output",
          "the graph has " + nodes.size() + " nodes"));
    }
    if (root.has("attrs")) {
      graphAttrs(root.get("attrs"));
    }
    if (outputs != null) {
      checkOutputIndexes(nodes, heads, outputs);
    }
    try {
      return new FGraph(nodes, heads);
    } catch (MrtException e) {
      throw new MrtException(source + ": " + e.getMessage(), e);
    }
  }

  private FNode node(JsonNode json, int i) {
    String path = "nodes[" + i + "]";
    if (!json.isObject()) {
      throw fail(path, "node " + i + " must be a JSON object");
    }
    String name = text(require(json, "name", path), path + ".name");
    String label = "node " + i + " '" + name + "'";
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!NODE_KEYS.contains(key)) {
        throw fail(path + "." + key, label + ": unknown key (a node has op, name, inputs, attrs)");
      }
    }
    String op = text(require(json, "op", path), path + ".op");
    Map<String, String> attrs = new TreeMap<>();
    Map<String, String> attrOrigin = new HashMap<>();
    for (String key : ATTR_KEYS) {
      JsonNode a = json.get(key);
      if (a == null) {
        continue;
      }
      if (!a.isObject()) {
        throw fail(path + "." + key, label + ": must be an object of string values");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> kv = it.next();
        String value = text(kv.getValue(), path + "." + key + "." + kv.getKey(), label);
        String old = attrs.put(kv.getKey(), value);
        if (old != null && !old.equals(value)) {
          throw fail(path + "." + key + "." + kv.getKey(), label + ": value '" + value + "' contradicts '" + old
              + "' given under " + attrOrigin.get(kv.getKey()));
        }
        attrOrigin.put(kv.getKey(), key);
      }
    }
    JsonNode deps = json.get("control_deps");
    if (deps != null && !(deps.isArray() && deps.isEmpty())) {
      throw fail(path + ".control_deps", label + ": control dependencies are not supported");
    }
    JsonNode sub = json.get("subgraphs");
    if (sub != null && !(sub.isArray() && sub.isEmpty())) {
      throw fail(path + ".subgraphs", label + ": subgraphs are not supported");
    }
    JsonNode bsid = json.get("backward_source_id");
    if (bsid != null && !bsid.canConvertToInt()) {
      throw fail(path + ".backward_source_id", label + ": must be an integer");
    }
    JsonNode inputsJson = require(json, "inputs", path);
    if (!inputsJson.isArray()) {
      throw fail(path + ".inputs", label + ": must be an array");
    }
    List<Entry> inputs = new ArrayList<>();
    for (int k = 0; k < inputsJson.size(); k++) {
      inputs.add(entry(inputsJson.get(k), path + ".inputs[" + k + "]", i, label + ": input",
          "an input must be an earlier node" + (i == 0 ? ", and node 0 has none" : " (0.." + (i - 1) + ")")));
    }
    if (FNode.VARIABLE.equals(op) && !inputs.isEmpty()) {
      throw fail(path + ".inputs", label + ": a variable (op \"null\") has no inputs");
    }
    return new FNode(op, name, attrs, inputs);
  }

  /** {@code [node, index]} or {@code [node, index, version]} with {@code node < limit}. */
  private Entry entry(JsonNode json, String path, int limit, String what, String rangeRule) {
    if (!json.isArray() || json.size() < 2 || json.size() > 3) {
      throw fail(path, "must be [node, index] or [node, index, version]");
    }
    for (int k = 0; k < json.size(); k++) {
      if (!json.get(k).isIntegralNumber() || !json.get(k).canConvertToInt() || json.get(k).intValue() < 0) {
        throw fail(path + "[" + k + "]", "must be a non-negative integer, got " + json.get(k));
      }
    }
    int node = json.get(0).intValue();
    if (node >= limit) {
      throw fail(path + "[0]", what + " refers to node " + node + ", but " + rangeRule);
    }
    return new Entry(node, json.get(1).intValue());
  }

  private void argNodes(JsonNode json, List<FNode> nodes) {
    if (!json.isArray()) {
      throw fail("arg_nodes", "must be an array");
    }
    boolean[] seen = new boolean[nodes.size()];
    for (int k = 0; k < json.size(); k++) {
      int id = index(json.get(k), "arg_nodes[" + k + "]", nodes.size());
      FNode n = nodes.get(id);
      if (!n.isVariable()) {
        throw fail("arg_nodes[" + k + "]", "node " + id + " '" + n.name() + "' is not a variable (op " + n.op() + ")");
      }
      if (seen[id]) {
        throw fail("arg_nodes[" + k + "]", "node " + id + " '" + n.name() + "' is listed twice");
      }
      seen[id] = true;
    }
  }

  /** Checks {@code node_row_ptr} (0, then the running total of each node's outputs) and returns the counts. */
  private int[] outputCounts(JsonNode json, int nodeCount) {
    if (!json.isArray() || json.size() != nodeCount + 1) {
      throw fail("node_row_ptr", "must be an array of " + (nodeCount + 1) + " integers (one more than nodes)");
    }
    int[] counts = new int[nodeCount];
    long previous = 0;
    for (int k = 0; k <= nodeCount; k++) {
      int v = index(json.get(k), "node_row_ptr[" + k + "]", Integer.MAX_VALUE);
      if (k == 0 && v != 0) {
        throw fail("node_row_ptr[0]", "must be 0, got " + v);
      }
      if (k > 0) {
        if (v <= previous) {
          throw fail("node_row_ptr[" + k + "]", "must be greater than the previous value " + previous
              + " (node " + (k - 1) + " needs at least one output)");
        }
        counts[k - 1] = (int) (v - previous);
      }
      previous = v;
    }
    return counts;
  }

  private void checkOutputIndexes(List<FNode> nodes, List<Entry> heads, int[] outputs) {
    for (int i = 0; i < nodes.size(); i++) {
      List<Entry> in = nodes.get(i).inputs();
      for (int k = 0; k < in.size(); k++) {
        checkOutput(in.get(k), outputs, nodes, "nodes[" + i + "].inputs[" + k + "][1]",
            "node " + i + " '" + nodes.get(i).name() + "': ");
      }
    }
    for (int k = 0; k < heads.size(); k++) {
      checkOutput(heads.get(k), outputs, nodes, "heads[" + k + "][1]", "");
    }
  }

  private void checkOutput(Entry e, int[] outputs, List<FNode> nodes, String path, String label) {
    if (e.index() >= outputs[e.node()]) {
      throw fail(path, label + "output " + e.index() + " of node " + e.node() + " '" + nodes.get(e.node()).name()
          + "' does not exist: node_row_ptr gives it " + outputs[e.node()] + " output(s)");
    }
  }

  private void graphAttrs(JsonNode json) {
    if (!json.isObject()) {
      throw fail("attrs", "must be an object");
    }
    JsonNode v = json.get("mxnet_version");
    if (v != null && !(v.isArray() && v.size() == 2 && "int".equals(v.get(0).textValue())
        && v.get(1).canConvertToInt())) {
      throw fail("attrs.mxnet_version", "must be [\"int\", <version>], got " + v);
    }
  }

  private int index(JsonNode json, String path, int limit) {
    if (json == null || !json.isIntegralNumber() || !json.canConvertToInt() || json.intValue() < 0) {
      throw fail(path, "must be a non-negative integer, got " + json);
    }
    if (json.intValue() >= limit) {
      throw fail(path, "refers to node " + json.intValue() + " of " + limit);
    }
    return json.intValue();
  }

  private void checkKeys(JsonNode obj, Set<String> allowed, String path) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw fail(key, "unknown key at " + path + " (expected one of nodes, arg_nodes, node_row_ptr, heads, attrs)");
      }
    }
  }

  private JsonNode require(JsonNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null) {
      throw fail(path.equals("(top level)") ? key : path + "." + key, "required key '" + key + "' is missing");
    }
    return v;
  }

  private String text(JsonNode json, String path) {
    return text(json, path, null);
  }

  private String text(JsonNode json, String path, String label) {
    if (!json.isTextual()) {
      throw fail(path, (label == null ? "" : label + ": ") + "must be a string, got " + json);
    }
    return json.textValue();
  }

  private MrtException fail(String path, String what) {
    return new MrtException(source + ": " + path + ": " + what);
  }
}
