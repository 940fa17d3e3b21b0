package org.cvmj.cvm.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.tensor.Shape;

/**
 * Reads a symbol file with the strictness of the reference loader: unknown keys, values of the wrong type
 * and malformed entries are rejected with the JSON path that is wrong. Semantic checks (shapes, precisions,
 * operators) belong to {@link org.cvmj.cvm.model.ModelLoader}.
 */
public final class SymbolReader {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Set<String> TOP_KEYS =
      Set.of("nodes", "arg_nodes", "node_row_ptr", "heads", "attrs", "version", "postprocess");
  private static final Set<String> NODE_KEYS = Set.of("op", "name", "inputs", "attrs", "precision");
  private static final Set<String> NODE_ATTR_KEYS =
      Set.of("func_name", "num_inputs", "num_outputs", "flatten_data", "op_attrs");
  private static final Set<String> GRAPH_ATTR_KEYS =
      Set.of("shape", "storage_id", "op_attrs", "precision", "dltype", "device_index", "dtype");

  private SymbolReader() {}

  public static Symbol read(String json) throws ModelException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ModelException(Rule.JSON_SYNTAX, e.getOriginalMessage() + locationOf(e));
    }
    if (root == null || !root.isObject()) {
      throw schema("the top level must be a JSON object");
    }
    checkKeys(root, TOP_KEYS, "top level");
    List<SymbolNode> nodes = new ArrayList<>();
    JsonNode nodesJson = required(root, "nodes", "top level");
    requireArray(nodesJson, "nodes");
    for (int i = 0; i < nodesJson.size(); i++) {
      try {
        nodes.add(readNode(nodesJson.get(i), i));
      } catch (ModelException e) {
        JsonNode name = nodesJson.get(i).get("name");
        throw new ModelException(e.rule(), i, name != null && name.isTextual() ? name.textValue() : null,
            e.getMessage().substring(e.getMessage().indexOf(']') + 2));
      }
    }
    List<Integer> argNodes = root.has("arg_nodes") ? intList(root.get("arg_nodes"), "arg_nodes") : null;
    List<Integer> rowPtr = root.has("node_row_ptr") ? intList(root.get("node_row_ptr"), "node_row_ptr") : null;
    JsonNode headsJson = required(root, "heads", "top level");
    List<EntryRef> heads = entries(headsJson, "heads");
    GraphAttrs attrs = readGraphAttrs(required(root, "attrs", "top level"));
    String version = root.has("version") ? text(root.get("version"), "version") : null;
    String postprocess = root.has("postprocess") ? text(root.get("postprocess"), "postprocess") : null;
    return new Symbol(nodes, argNodes, rowPtr, heads, attrs, version, postprocess);
  }

  private static SymbolNode readNode(JsonNode n, int id) throws ModelException {
    String where = "nodes[" + id + "]";
    if (!n.isObject()) {
      throw schema(where + " must be an object");
    }
    checkKeys(n, NODE_KEYS, where);
    String op = text(required(n, "op", where), where + ".op");
    String name = text(required(n, "name", where), where + ".name");
    List<EntryRef> inputs = entries(required(n, "inputs", where), where + ".inputs");
    Map<String, String> attrs = null;
    if (n.has("attrs")) {
      JsonNode a = n.get("attrs");
      if (!a.isObject()) {
        throw schema(where + ".attrs must be an object of strings");
      }
      checkKeys(a, NODE_ATTR_KEYS, where + ".attrs");
      attrs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        attrs.put(e.getKey(), text(e.getValue(), where + ".attrs." + e.getKey()));
      }
    }
    Integer precision = n.has("precision") ? integer(n.get("precision"), where + ".precision") : null;
    return new SymbolNode(op, name, inputs, attrs, precision);
  }

  private static GraphAttrs readGraphAttrs(JsonNode a) throws ModelException {
    if (!a.isObject()) {
      throw schema("attrs must be an object");
    }
    checkKeys(a, GRAPH_ATTR_KEYS, "attrs");
    List<Shape> shapes = new ArrayList<>();
    JsonNode shapeList = payload(a, "shape", "list_shape", true);
    for (int i = 0; i < shapeList.size(); i++) {
      List<Integer> dims = intList(shapeList.get(i), "attrs.shape[" + i + "]");
      shapes.add(Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
    }
    List<Integer> storage = intList(payload(a, "storage_id", "list_int", true), "attrs.storage_id");
    List<String> opAttrs = textList(payload(a, "op_attrs", "list_str", true), "attrs.op_attrs");
    List<Integer> precision = intList(payload(a, "precision", "list_int", true), "attrs.precision");
    JsonNode dl = payload(a, "dltype", "list_str", false);
    JsonNode dt = payload(a, "dtype", "list_int", false);
    JsonNode dev = payload(a, "device_index", "list_int", false);
    return new GraphAttrs(shapes, storage, opAttrs, precision,
        dl == null ? null : textList(dl, "attrs.dltype"),
        dt == null ? null : intList(dt, "attrs.dtype"),
        dev == null ? null : intList(dev, "attrs.device_index"));
  }

  /** A graph attribute is {@code [type_tag, payload]}; the tag must be the expected one. */
  private static JsonNode payload(JsonNode attrs, String key, String tag, boolean required)
      throws ModelException {
    JsonNode v = attrs.get(key);
    if (v == null) {
      if (required) {
        throw schema("attrs." + key + " is missing");
      }
      return null;
    }
    if (!v.isArray() || v.size() != 2 || !v.get(0).isTextual() || !v.get(1).isArray()) {
      throw schema("attrs." + key + " must be [\"" + tag + "\", [...]]");
    }
    if (!v.get(0).asText().equals(tag)) {
      throw schema("attrs." + key + " has type tag \"" + v.get(0).asText() + "\", expected \"" + tag + "\"");
    }
    return v.get(1);
  }

  private static List<EntryRef> entries(JsonNode n, String where) throws ModelException {
    requireArray(n, where);
    List<EntryRef> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      String at = where + "[" + i + "]";
      if (!e.isArray() || e.size() < 2 || e.size() > 3) {
        throw schema(at + " must be [node_id, index] or [node_id, index, version]");
      }
      int nid = nonNegative(e.get(0), at);
      int index = nonNegative(e.get(1), at);
      int version = e.size() == 3 ? nonNegative(e.get(2), at) : 0;
      out.add(new EntryRef(nid, index, version));
    }
    return out;
  }

  private static int nonNegative(JsonNode n, String where) throws ModelException {
    int v = integer(n, where);
    if (v < 0) {
      throw schema(where + " must not be negative, got " + v);
    }
    return v;
  }

  private static List<Integer> intList(JsonNode n, String where) throws ModelException {
    requireArray(n, where);
    List<Integer> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(integer(n.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  private static List<String> textList(JsonNode n, String where) throws ModelException {
    requireArray(n, where);
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(text(n.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  private static int integer(JsonNode n, String where) throws ModelException {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw schema(where + " must be a 32-bit integer, got " + abbreviate(n));
    }
    return n.intValue();
  }

  private static String text(JsonNode n, String where) throws ModelException {
    if (!n.isTextual()) {
      throw schema(where + " must be a string, got " + abbreviate(n));
    }
    return n.textValue();
  }

  private static void requireArray(JsonNode n, String where) throws ModelException {
    if (!n.isArray()) {
      throw schema(where + " must be an array, got " + abbreviate(n));
    }
  }

  private static JsonNode required(JsonNode obj, String key, String where) throws ModelException {
    JsonNode v = obj.get(key);
    if (v == null) {
      throw schema(where + ": required key \"" + key + "\" is missing");
    }
    return v;
  }

  private static void checkKeys(JsonNode obj, Set<String> allowed, String where) throws ModelException {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw schema(where + ": key \"" + k + "\" is not supported (allowed: "
            + new java.util.TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static ModelException schema(String detail) {
    return new ModelException(Rule.JSON_SCHEMA, detail);
  }
}
