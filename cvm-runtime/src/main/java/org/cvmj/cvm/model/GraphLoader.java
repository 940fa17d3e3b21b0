package org.cvmj.cvm.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.GraphAttrs;
import org.cvmj.cvm.format.Symbol;
import org.cvmj.cvm.format.SymbolNode;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Operators;
import org.cvmj.cvm.tensor.Shape;

/**
 * Turns a {@link Symbol} into a {@link Graph}, running the reference runtime's load-time checks 1-11 in
 * its order (spec cvm-format-and-ops.md §1.1). Every failure is a {@link ModelException} naming the rule,
 * the node and the values.
 */
public final class GraphLoader {
  static final int MAX_NDIM = 6;
  static final int MAX_DIM = 1 << 24;
  static final long MAX_ELEMENTS = 1L << 30;

  /** Operators' {@code op_attrs} are a JSON object serialised as a string. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Symbol symbol;
  private final List<SymbolNode> raw;
  private final GraphAttrs attrs;
  private final List<Node> nodes = new ArrayList<>();
  private int entryCount;

  private GraphLoader(Symbol symbol) {
    this.symbol = symbol;
    this.raw = symbol.nodes();
    this.attrs = symbol.attrs();
  }

  public static Graph load(Symbol symbol) throws ModelException {
    return new GraphLoader(symbol).load();
  }

  private Graph load() throws ModelException {
    String version = symbol.effectiveVersion();
    if (!version.equals(Symbol.VERSION_1_0) && !version.equals(Symbol.VERSION_1_1)) {
      throw new ModelException(Rule.VERSION, "version \"" + version + "\" is not supported (expected \""
          + Symbol.VERSION_1_0 + "\" or \"" + Symbol.VERSION_1_1 + "\")");
    }
    Postprocess postprocess = Postprocess.of(symbol.postprocess() == null ? "" : symbol.postprocess());
    if (postprocess == null) {
      throw new ModelException(Rule.JSON_SCHEMA, "postprocess \"" + symbol.postprocess()
          + "\" is not supported (expected \"\", \"argmax\" or \"detection\")");
    }
    int inputNode = checkArgNames();
    bindOperators();
    checkEntryLists(version);
    int[][] inputs = resolveInputs();
    int[] heads = resolveHeads();
    for (int i = 0; i < raw.size(); i++) {
      SymbolNode n = raw.get(i);
      Operator op = nodes.get(i).op();
      nodes.set(i, new Node(i, n.name(), op, inputs[i], nodes.get(i).firstEntry(), nodes.get(i).numOutputs()));
    }
    checkStorageAliasing();
    Shape[] shapes = checkShapeLimits();
    int[] declaredPrecision = checkPrecisionRange();
    checkShapeInference(shapes);
    int[] precisions = inferPrecisions(shapes, declaredPrecision);
    int[] storage = attrs.storageIds().stream().mapToInt(Integer::intValue).toArray();
    return new Graph(symbol, List.copyOf(nodes), shapes, storage, precisions, heads, inputNode, postprocess);
  }

  /** Rule 1: variable names are unique, and the input variable {@code data} exists. */
  private int checkArgNames() throws ModelException {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      SymbolNode n = raw.get(i);
      if (!n.isVariable()) {
        if (!SymbolNode.OPERATOR.equals(n.op())) {
          throw new ModelException(Rule.OP_TYPE, i, n.name(), "op \"" + n.op()
              + "\" is neither \"null\" (variable) nor \"cvm_op\"");
        }
        continue;
      }
      Integer previous = seen.putIfAbsent(n.name(), i);
      if (previous != null) {
        throw new ModelException(Rule.ARG_NAMES, i, n.name(), "variable name is also used by node " + previous);
      }
    }
    Integer input = seen.get(Graph.INPUT_NAME);
    if (input == null) {
      throw new ModelException(Rule.ARG_NAMES, "the graph has no input variable named \"data\"");
    }
    return input;
  }

  /** Rule 2 and the operator lookup: every op node's attributes parse with its operator's parser. */
  private void bindOperators() throws ModelException {
    List<String> opAttrs = attrs.opAttrs();
    if (opAttrs.size() != raw.size()) {
      throw new ModelException(Rule.OP_ATTRS, "attrs.op_attrs has " + opAttrs.size() + " elements for "
          + raw.size() + " nodes");
    }
    int entry = 0;
    for (int i = 0; i < raw.size(); i++) {
      SymbolNode n = raw.get(i);
      Operator op = null;
      if (n.isVariable()) {
        if (!n.inputs().isEmpty()) {
          throw new ModelException(Rule.INPUT_COUNT, i, n.name(), "a variable has " + n.inputs().size()
              + " inputs, expected none");
        }
      } else {
        op = bind(i, n, opAttrs.get(i));
        boolean variadic = op.numInputs() < 0;
        if (variadic ? n.inputs().isEmpty() : n.inputs().size() != op.numInputs()) {
          throw new ModelException(Rule.INPUT_COUNT, i, n.name(), op.name() + " takes "
              + (variadic ? "at least one input" : op.numInputs() + " inputs") + ", the node has "
              + n.inputs().size());
        }
      }
      int outputs = op == null ? 1 : op.numOutputs();
      nodes.add(new Node(i, n.name(), op, new int[0], entry, outputs));
      entry += outputs;
    }
    entryCount = entry;
  }

  private Operator bind(int id, SymbolNode n, String opAttrs) throws ModelException {
    String func = n.funcName();
    if (func == null) {
      throw new ModelException(Rule.JSON_SCHEMA, id, n.name(), "operator node has no attrs.func_name");
    }
    String name = stripSuffix(func);
    Operators.Parser parser = Operators.lookup(name).orElseThrow(() -> new ModelException(
        Rule.UNKNOWN_OPERATOR, id, n.name(), "func_name \"" + func + "\" is not a CVM operator"));
    Map<String, String> values;
    try {
      values = parseOpAttrs(opAttrs);
    } catch (IllegalArgumentException e) {
      throw new ModelException(Rule.OP_ATTRS, id, n.name(), name + ": attrs.op_attrs is not a JSON object"
          + " of strings: " + e.getMessage());
    }
    // Only OpException means "rejected"; anything else an operator throws is a bug and must not be
    // reported as a malformed op_attrs string.
    try {
      return parser.parse(new OpAttrs(values));
    } catch (OpException e) {
      throw new ModelException(Rule.OP_ATTRS, id, n.name(), name + ": " + e.getMessage());
    }
  }

  /**
   * {@code conv2d_15} becomes {@code conv2d}: old MRT models number their operators. As the reference's
   * {@code GetOpName}: trailing ASCII digits are skipped, and if the character before them is {@code _},
   * the name is cut there (so a bare trailing {@code _} is removed too: {@code relu_} is {@code relu}).
   */
  static String stripSuffix(String func) {
    int i = func.length() - 1;
    while (i >= 0 && func.charAt(i) >= '0' && func.charAt(i) <= '9') {
      i--;
    }
    return i >= 0 && func.charAt(i) == '_' ? func.substring(0, i) : func;
  }

  private static Map<String, String> parseOpAttrs(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode obj;
    try {
      obj = JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("\"" + abbreviate(text) + "\"");
    }
    if (obj == null || !obj.isObject()) {
      throw new IllegalArgumentException("\"" + abbreviate(text) + "\"");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("value of \"" + e.getKey() + "\" is not a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  /** Rules 3, 7 and 10: per-entry list lengths, storage ids, row pointers, arg nodes, dltype. */
  private void checkEntryLists(String version) throws ModelException {
    requireLength("attrs.shape", attrs.shapes().size());
    requireLength("attrs.storage_id", attrs.storageIds().size());
    requireLength("attrs.precision", attrs.precisions().size());
    boolean v10 = version.equals(Symbol.VERSION_1_0);
    if (v10 && attrs.dltypes() == null) {
      throw new ModelException(Rule.ENTRY_COUNT, "attrs.dltype is required by version " + version);
    }
    if (attrs.dltypes() != null) {
      requireLength("attrs.dltype", attrs.dltypes().size());
      for (int e = 0; e < attrs.dltypes().size(); e++) {
        if (!attrs.dltypes().get(e).equals("int32")) {
          throw new ModelException(Rule.TYPE, "attrs.dltype[" + e + "] is \"" + attrs.dltypes().get(e)
              + "\"; every entry must be int32");
        }
      }
    }
    if (attrs.deviceIndex() != null && !attrs.deviceIndex().isEmpty()) {
      throw new ModelException(Rule.JSON_SCHEMA, "attrs.device_index must be empty");
    }
    for (int e = 0; e < entryCount; e++) {
      if (attrs.storageIds().get(e) < 0) {
        throw new ModelException(Rule.ENTRY_COUNT, "attrs.storage_id[" + e + "] is "
            + attrs.storageIds().get(e) + "; storage ids must not be negative");
      }
    }
    List<Integer> rowPtr = new ArrayList<>();
    for (Node n : nodes) {
      rowPtr.add(n.firstEntry());
    }
    rowPtr.add(entryCount);
    // A 1.1.0 file without node_row_ptr crashes the reference loader, so it is required for both versions.
    if (symbol.nodeRowPtr() == null) {
      throw new ModelException(Rule.GRAPH_INDEX, "node_row_ptr is missing; expected " + rowPtr);
    }
    if (!symbol.nodeRowPtr().equals(rowPtr)) {
      throw new ModelException(Rule.GRAPH_INDEX, "node_row_ptr " + abbreviate(symbol.nodeRowPtr().toString())
          + " differs from the one the nodes imply: " + abbreviate(rowPtr.toString()));
    }
    List<Integer> args = new ArrayList<>();
    for (Node n : nodes) {
      if (n.isVariable()) {
        args.add(n.id());
      }
    }
    if (v10 && symbol.argNodes() == null) {
      throw new ModelException(Rule.GRAPH_INDEX, "arg_nodes is required by version " + version);
    }
    if (symbol.argNodes() != null && v10 && !symbol.argNodes().equals(args)) {
      throw new ModelException(Rule.GRAPH_INDEX, "arg_nodes " + abbreviate(symbol.argNodes().toString())
          + " differs from the variable nodes " + abbreviate(args.toString()));
    }
  }

  private void requireLength(String what, int size) throws ModelException {
    if (size != entryCount) {
      throw new ModelException(Rule.ENTRY_COUNT, what + " has " + size + " elements; the graph has "
          + entryCount + " entries");
    }
  }

  /** Entry references must exist, and rule 8: inputs come from earlier nodes. */
  private int[][] resolveInputs() throws ModelException {
    int[][] out = new int[raw.size()][];
    for (int i = 0; i < raw.size(); i++) {
      List<EntryRef> refs = raw.get(i).inputs();
      out[i] = new int[refs.size()];
      for (int k = 0; k < refs.size(); k++) {
        EntryRef r = refs.get(k);
        int entry = entryOf(r, i, "inputs[" + k + "]");
        if (entry >= nodes.get(i).firstEntry()) {
          throw new ModelException(Rule.TOPOLOGICAL_ORDER, i, raw.get(i).name(), "inputs[" + k
              + "] reads node " + r.nodeId() + ", which does not come before it");
        }
        out[i][k] = entry;
      }
    }
    return out;
  }

  private int[] resolveHeads() throws ModelException {
    if (symbol.heads().isEmpty()) {
      throw new ModelException(Rule.GRAPH_INDEX, "the graph has no heads (outputs)");
    }
    int[] heads = new int[symbol.heads().size()];
    for (int k = 0; k < heads.length; k++) {
      heads[k] = entryOf(symbol.heads().get(k), -1, "heads[" + k + "]");
    }
    return heads;
  }

  private int entryOf(EntryRef r, int nodeId, String what) throws ModelException {
    String name = nodeId < 0 ? null : raw.get(nodeId).name();
    if (r.nodeId() >= nodes.size()) {
      throw new ModelException(Rule.GRAPH_INDEX, nodeId, name, what + " refers to node " + r.nodeId()
          + "; the graph has " + nodes.size() + " nodes");
    }
    Node target = nodes.get(r.nodeId());
    if (r.index() >= target.numOutputs()) {
      throw new ModelException(Rule.GRAPH_INDEX, nodeId, name, what + " refers to output " + r.index()
          + " of node " + r.nodeId() + ", which has " + target.numOutputs());
    }
    return target.firstEntry() + r.index();
  }

  /** Rule 4: an operator's outputs may share storage with its inputs only for the in-place operators. */
  private void checkStorageAliasing() throws ModelException {
    List<Integer> sid = attrs.storageIds();
    for (Node n : nodes) {
      if (n.isVariable() || n.op().outputMayAliasInput()) {
        continue;
      }
      for (int o = 0; o < n.numOutputs(); o++) {
        int out = n.firstEntry() + o;
        for (int in : n.inputs()) {
          if (sid.get(out).equals(sid.get(in))) {
            throw new ModelException(Rule.STORAGE_ALIAS, n.id(), n.name(), n.op().name() + " output entry "
                + out + " and input entry " + in + " share storage id " + sid.get(out));
          }
        }
      }
    }
  }

  /** Rule 5. */
  private Shape[] checkShapeLimits() throws ModelException {
    Shape[] shapes = attrs.shapes().toArray(new Shape[0]);
    for (Node n : nodes) {
      for (int e = n.firstEntry(); e < n.firstEntry() + n.numOutputs(); e++) {
        Shape s = shapes[e];
        boolean ok = s.ndim() >= 1 && s.ndim() <= MAX_NDIM;
        long elements = 1;
        for (int d = 0; ok && d < s.ndim(); d++) {
          ok = s.dim(d) >= 1 && s.dim(d) <= MAX_DIM;
          elements *= s.dim(d);
          ok &= elements <= MAX_ELEMENTS;
        }
        if (!ok) {
          throw new ModelException(Rule.SHAPE_LIMITS, n.id(), n.name(), "entry " + e + " has shape " + s
              + "; shapes need 1.." + MAX_NDIM + " dimensions of 1..2^24 and at most 2^30 elements");
        }
      }
    }
    return shapes;
  }

  /** Rule 6: every entry, including the second output of a two-output operator. */
  private int[] checkPrecisionRange() throws ModelException {
    int[] p = attrs.precisions().stream().mapToInt(Integer::intValue).toArray();
    for (Node n : nodes) {
      for (int e = n.firstEntry(); e < n.firstEntry() + n.numOutputs(); e++) {
        if (p[e] != -1 && (p[e] < 1 || p[e] > 32)) {
          throw new ModelException(Rule.PRECISION_RANGE, n.id(), n.name(), "entry " + e + " has precision "
              + p[e] + ", which is neither -1 nor in 1..32");
        }
      }
      int v = p[n.firstEntry()];
      if (n.isVariable() && v == -1) {
        throw new ModelException(Rule.PRECISION_RANGE, n.id(), n.name(), "a variable needs a precision, got -1");
      }
    }
    return p;
  }

  /** Rule 9: inference from the declared input shapes must reproduce the declared output shapes. */
  private void checkShapeInference(Shape[] shapes) throws ModelException {
    for (Node n : nodes) {
      if (n.isVariable()) {
        continue;
      }
      Shape[] in = inputShapes(n, shapes);
      Shape[] out;
      try {
        out = n.op().inferShapes(in);
      } catch (OpException e) {
        throw new ModelException(Rule.SHAPE_INFERENCE, n.id(), n.name(), n.op().name() + ": " + e.getMessage()
            + " (input shapes " + Arrays.toString(in) + ")");
      }
      for (int o = 0; o < n.numOutputs(); o++) {
        Shape declared = shapes[n.firstEntry() + o];
        if (!declared.equals(out[o])) {
          throw new ModelException(Rule.SHAPE_INFERENCE, n.id(), n.name(), n.op().name() + " output " + o
              + " is declared " + declared + " but inferred " + out[o] + " from inputs " + Arrays.toString(in));
        }
      }
    }
  }

  /** Rule 11: the overflow proof. Variables keep their declared precision; operators' are inferred. */
  private int[] inferPrecisions(Shape[] shapes, int[] declared) throws ModelException {
    int[] p = declared.clone();
    for (Node n : nodes) {
      if (n.isVariable()) {
        continue;
      }
      int[] in = new int[n.inputs().length];
      for (int k = 0; k < in.length; k++) {
        in[k] = p[n.inputs()[k]];
      }
      int[] out;
      try {
        out = n.op().inferPrecisions(inputShapes(n, shapes), in);
      } catch (OpException e) {
        throw new ModelException(Rule.PRECISION_INFERENCE, n.id(), n.name(), n.op().name() + ": "
            + e.getMessage() + " (input precisions " + Arrays.toString(in) + ")");
      }
      for (int o = 0; o < n.numOutputs(); o++) {
        if (out[o] < 1 || out[o] > 32) {
          throw new ModelException(Rule.PRECISION_INFERENCE, n.id(), n.name(), n.op().name() + " output " + o
              + " needs " + out[o] + " bits from input precisions " + Arrays.toString(in)
              + "; at most 32 are allowed");
        }
        p[n.firstEntry() + o] = out[o];
      }
    }
    return p;
  }

  private static Shape[] inputShapes(Node n, Shape[] shapes) {
    Shape[] in = new Shape[n.inputs().length];
    for (int k = 0; k < in.length; k++) {
      in[k] = shapes[n.inputs()[k]];
    }
    return in;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

}
