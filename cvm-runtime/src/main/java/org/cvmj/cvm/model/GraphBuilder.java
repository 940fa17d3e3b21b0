package org.cvmj.cvm.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.GraphAttrs;
import org.cvmj.cvm.format.ParamTensor;
import org.cvmj.cvm.format.Symbol;
import org.cvmj.cvm.format.SymbolNode;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Operators;
import org.cvmj.cvm.tensor.Shape;

/**
 * Builds a valid CVM model in code: shapes and precisions come from the operators' own rules, every entry
 * gets its own storage id (always valid, spec §1.1.1), and parameters are stored as int8 when their
 * precision allows, as MRT does. Used by the demo model, the quantizer and tests.
 */
public final class GraphBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<SymbolNode> nodes = new ArrayList<>();
  private final List<String> opAttrs = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>();
  private final List<Integer> precisions = new ArrayList<>();
  private final List<Integer> declaredPrecisions = new ArrayList<>();
  private final List<Integer> firstEntry = new ArrayList<>();
  private final List<ParamTensor> params = new ArrayList<>();
  private final Map<String, Integer> opCounters = new LinkedHashMap<>();

  /** The model files' contents. */
  public record Built(Symbol symbol, List<ParamTensor> params) {}

  /** Declares the input variable {@code data}; call it first so that it is node 0. */
  public EntryRef input(Shape shape, int precision) {
    return variable(Graph.INPUT_NAME, shape, precision);
  }

  /** Declares a parameter with its values. */
  public EntryRef param(String name, Shape shape, int precision, int[] values) {
    params.add(ParamTensor.of(name, precision <= 8 ? 8 : 32, shape, values));
    return variable(name, shape, precision);
  }

  private EntryRef variable(String name, Shape shape, int precision) {
    firstEntry.add(shapes.size());
    nodes.add(new SymbolNode(SymbolNode.VARIABLE, name, List.of(), null, null));
    opAttrs.add(String.format("{\"precision\": \"%d\", \"shape\": \"%s\"}", precision, shape));
    addEntry(shape, precision, precision);
    return new EntryRef(nodes.size() - 1, 0);
  }

  /** Output 0 of a new operator node. */
  public EntryRef op(String func, Map<String, String> attrs, EntryRef... inputs) {
    return op(func, attrs, 0, inputs);
  }

  /** Output {@code index} of a new operator node; the builder rejects what the loader would reject. */
  public EntryRef op(String func, Map<String, String> attrs, int index, EntryRef... inputs) {
    Operator op;
    Shape[] out;
    int[] outPrecision;
    try {
      op = Operators.lookup(func).orElseThrow(() -> new OpException("unknown operator " + func))
          .parse(new OpAttrs(attrs));
      Shape[] inShapes = new Shape[inputs.length];
      int[] inPrecision = new int[inputs.length];
      for (int k = 0; k < inputs.length; k++) {
        int e = firstEntry.get(inputs[k].nodeId()) + inputs[k].index();
        inShapes[k] = shapes.get(e);
        inPrecision[k] = precisions.get(e);
      }
      out = op.inferShapes(inShapes);
      outPrecision = op.inferPrecisions(inShapes, inPrecision);
    } catch (OpException e) {
      throw new IllegalArgumentException(func + " " + attrs + ": " + e.getMessage(), e);
    }
    int k = opCounters.merge(func, 1, Integer::sum) - 1;
    Map<String, String> nodeAttrs = new LinkedHashMap<>();
    nodeAttrs.put("flatten_data", "0");
    nodeAttrs.put("func_name", func);
    nodeAttrs.put("num_inputs", Integer.toString(inputs.length));
    nodeAttrs.put("num_outputs", Integer.toString(out.length));
    firstEntry.add(shapes.size());
    nodes.add(new SymbolNode(SymbolNode.OPERATOR, func + "_" + k, List.of(inputs), nodeAttrs, null));
    try {
      // Sorted keys: the file must not depend on the caller map's iteration order.
      opAttrs.add(JSON.writeValueAsString(new java.util.TreeMap<>(attrs)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
    for (int o = 0; o < out.length; o++) {
      Integer declared = attrs.containsKey("precision") ? outPrecision[o] : -1;
      addEntry(out[o], outPrecision[o], declared);
    }
    return new EntryRef(nodes.size() - 1, index);
  }

  /** The precision the operators' rules gave an entry (the loader infers the same). */
  public int precision(EntryRef e) {
    return precisions.get(firstEntry.get(e.nodeId()) + e.index());
  }

  private void addEntry(Shape shape, int inferred, int declared) {
    shapes.add(shape);
    precisions.add(inferred);
    declaredPrecisions.add(declared);
  }

  public Built build(EntryRef... heads) {
    List<Integer> args = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).isVariable()) {
        args.add(i);
      }
    }
    int entries = shapes.size();
    List<Integer> storage = new ArrayList<>();
    for (int e = 0; e < entries; e++) {
      storage.add(e);
    }
    String[] dltype = new String[entries];
    Arrays.fill(dltype, "int32");
    GraphAttrs attrs = new GraphAttrs(List.copyOf(shapes), storage, List.copyOf(opAttrs),
        List.copyOf(declaredPrecisions), List.of(dltype), null, null);
    List<Integer> rowPtr = new ArrayList<>(firstEntry);
    rowPtr.add(entries);
    Symbol symbol = new Symbol(List.copyOf(nodes), args, rowPtr, List.of(heads), attrs,
        Symbol.VERSION_1_0, null);
    return new Built(symbol, List.copyOf(params));
  }
}
