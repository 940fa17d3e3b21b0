package org.cvmj.cvm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.format.EntryRef;
import org.cvmj.cvm.format.ParamTensor;
import org.cvmj.cvm.format.ParamsWriter;
import org.cvmj.cvm.format.SymbolWriter;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The load-time checks of spec cvm-format-and-ops.md §1.1 (checks 1-12 and the table of invalid models)
 * and the params layout of §1.2. Every test starts from the same small valid model, changes one thing and
 * asserts the rule, the node and the offending value in the message.
 *
 * <pre>
 * node 0  data             (1, 1, 4, 4)  p8
 * node 1  w                (2, 1, 3, 3)  p8   (param)
 * node 2  conv2d_0          (1, 2, 2, 2)       channels 2, 3x3, no bias
 * node 3  cvm_right_shift_0 (1, 2, 2, 2)  p8   shift_bit 4
 * node 4  relu_0            (1, 2, 2, 2)       head
 * </pre>
 * One entry per node; the builder gives entry e storage id e.
 */
class LoadChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final int DATA = 0;
  static final int W = 1;
  static final int CONV = 2;
  static final int SHIFT = 3;
  static final int RELU = 4;

  /** The model the tests mutate; valid as built. */
  static GraphBuilder.Built validModel() {
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(1, 1, 4, 4), 8);
    int[] w = new int[18];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 7 - 3;
    }
    EntryRef weight = b.param("w", Shape.of(2, 1, 3, 3), 8, w);
    Map<String, String> conv = new LinkedHashMap<>();
    conv.put("use_bias", "False");
    conv.put("kernel_size", "(3, 3)");
    conv.put("channels", "2");
    EntryRef c = b.op("conv2d", conv, data, weight);
    Map<String, String> shift = new LinkedHashMap<>();
    shift.put("precision", "8");
    shift.put("shift_bit", "4");
    EntryRef s = b.op("cvm_right_shift", shift, c);
    EntryRef r = b.op("relu", Map.of(), s);
    return b.build(r);
  }

  private ObjectNode symbol;
  private List<ParamTensor> params;
  private byte[] paramsBytes;

  @BeforeEach
  void setUp() throws IOException {
    GraphBuilder.Built built = validModel();
    symbol = (ObjectNode) JSON.readTree(SymbolWriter.write(built.symbol()));
    params = new ArrayList<>(built.params());
    paramsBytes = null;
  }

  // ---------------------------------------------------------------- helpers

  private Model load() throws ModelException {
    String json;
    try {
      json = JSON.writeValueAsString(symbol);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Model.load(json, paramsBytes != null ? paramsBytes : ParamsWriter.write(params));
  }

  /** Asserts a rejection by {@code rule} on no particular node, with every fragment in the message. */
  private ModelException rejected(Rule rule, String... fragments) {
    return rejectedAt(rule, -1, fragments);
  }

  /** Asserts a rejection by {@code rule} on node {@code nodeId}, with every fragment in the message. */
  private ModelException rejectedAt(Rule rule, int nodeId, String... fragments) {
    ModelException e = assertThrows(ModelException.class, this::load);
    assertEquals(rule, e.rule(), () -> "wrong rule; message: " + e.getMessage());
    assertEquals(nodeId, e.nodeId(), () -> "wrong node; message: " + e.getMessage());
    if (nodeId >= 0) {
      assertEquals(node(nodeId).get("name").asText(), e.nodeName(), e::getMessage);
      assertTrue(e.getMessage().startsWith("node " + nodeId + " '"), e::getMessage);
    }
    assertTrue(e.getMessage().contains("[" + rule.label() + "]"), e::getMessage);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "message lacks \"" + f + "\": " + e.getMessage());
    }
    return e;
  }

  private ObjectNode node(int id) {
    return (ObjectNode) symbol.get("nodes").get(id);
  }

  private ObjectNode nodeAttrs(int id) {
    return (ObjectNode) node(id).get("attrs");
  }

  /** The payload of a graph attribute {@code [tag, payload]}. */
  private ArrayNode graphAttr(String key) {
    return (ArrayNode) symbol.get("attrs").get(key).get(1);
  }

  private ObjectNode opAttrs(int id) {
    try {
      return (ObjectNode) JSON.readTree(graphAttr("op_attrs").get(id).asText());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void setOpAttrs(int id, ObjectNode attrs) {
    graphAttr("op_attrs").set(id, TextNode.valueOf(attrs.toString()));
  }

  private void setShape(int entry, int... dims) {
    ArrayNode shape = JSON.createArrayNode();
    for (int d : dims) {
      shape.add(d);
    }
    graphAttr("shape").set(entry, shape);
  }

  private static ArrayNode ints(int... values) {
    ArrayNode a = JSON.createArrayNode();
    for (int v : values) {
      a.add(v);
    }
    return a;
  }

  private static ArrayNode entries(int... nodeIds) {
    ArrayNode a = JSON.createArrayNode();
    for (int id : nodeIds) {
      a.add(ints(id, 0, 0));
    }
    return a;
  }

  private ParamTensor weight(Shape shape, int bits, int[] values) {
    return ParamTensor.of("w", bits, shape, values);
  }

  // ---------------------------------------------------------------- the starting point

  @Test
  void theUnmodifiedModelLoadsAndRuns() throws Exception {
    Model m = load();
    Graph g = m.graph();
    assertEquals(5, g.nodes().size());
    assertEquals(List.of("data", "w", "conv2d", "cvm_right_shift", "relu"),
        g.nodes().stream().map(n -> n.isVariable() ? n.name() : n.op().name()).toList());
    assertArrayEquals(new int[] {8, 8, 20, 8, 8}, g.precisions());
    try (Executor ex = new Executor(m, 1)) {
      int[] input = new int[16];
      Arrays.fill(input, -100);
      // conv: -100 * sum(w of channel) = 500 and 100; right shift by 4 rounds half up: 31 and 6
      int[][] out = ex.run(input);
      assertEquals(1, out.length);
      assertArrayEquals(new int[] {31, 31, 31, 31, 6, 6, 6, 6}, out[0]);
    }
  }

  // ---------------------------------------------------------------- JSON structure

  @Nested
  class JsonStructure {
    @Test
    void unknownTopLevelKeyIsASchemaError() {
      symbol.put("control_deps", 1);
      rejected(Rule.JSON_SCHEMA, "\"control_deps\"", "top level");
    }

    @Test
    void unknownNodeKeyIsASchemaError() {
      node(CONV).set("subgraphs", JSON.createArrayNode());
      rejectedAt(Rule.JSON_SCHEMA, CONV, "\"subgraphs\"", "nodes[2]");
    }

    @Test
    void unknownGraphAttributeIsASchemaError() {
      ((ObjectNode) symbol.get("attrs")).set("storage", JSON.createArrayNode().add("list_int").add(ints()));
      rejected(Rule.JSON_SCHEMA, "\"storage\"");
    }

    @Test
    void unknownNodeAttrsKeyIsASchemaError() {
      nodeAttrs(CONV).put("channels", "2");
      rejectedAt(Rule.JSON_SCHEMA, CONV, "\"channels\"", "nodes[2].attrs");
    }

    @Test
    void nonStringValueInNodeAttrsIsASchemaError() {
      nodeAttrs(CONV).put("num_inputs", 2);
      rejectedAt(Rule.JSON_SCHEMA, CONV, "nodes[2].attrs.num_inputs", "must be a string", "got 2");
    }

    @Test
    void operatorWithoutFuncNameIsRejectedOnItsNode() {
      nodeAttrs(RELU).remove("func_name");
      rejectedAt(Rule.JSON_SCHEMA, RELU, "func_name");
    }

    @Test
    void graphAttributeWithWrongTypeTagIsASchemaError() {
      ((ArrayNode) symbol.get("attrs").get("storage_id")).set(0, TextNode.valueOf("list_str"));
      rejected(Rule.JSON_SCHEMA, "attrs.storage_id", "\"list_str\"", "\"list_int\"");
    }

    @Test
    void nonIntegerInIntListIsASchemaError() {
      graphAttr("precision").set(2, TextNode.valueOf("8"));
      rejected(Rule.JSON_SCHEMA, "attrs.precision[2]", "\"8\"");
    }

    @Test
    void integerBeyond32BitsIsASchemaError() {
      graphAttr("storage_id").set(2, JSON.getNodeFactory().numberNode(4_294_967_296L));
      rejected(Rule.JSON_SCHEMA, "attrs.storage_id[2]", "4294967296");
    }

    @Test
    void negativeNodeIdInInputsIsASchemaError() {
      ((ArrayNode) node(SHIFT).get("inputs").get(0)).set(0, IntNode.valueOf(-1));
      rejectedAt(Rule.JSON_SCHEMA, SHIFT, "nodes[3].inputs[0]", "-1");
    }

    @Test
    void unsupportedPostprocessIsASchemaError() {
      symbol.put("postprocess", "softmax");
      rejected(Rule.JSON_SCHEMA, "\"softmax\"");
    }

    @Test
    void malformedJsonIsASyntaxError() throws Exception {
      String json = JSON.writeValueAsString(symbol);
      String truncated = json.substring(0, json.length() / 2);
      ModelException e = assertThrows(ModelException.class, () -> Model.load(truncated, ParamsWriter.write(params)));
      assertEquals(Rule.JSON_SYNTAX, e.rule(), e.getMessage());
      assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void duplicateKeyIsASyntaxError() throws Exception {
      String json = JSON.writeValueAsString(symbol).replaceFirst("\\{\"nodes\"", "{\"version\":\"cvm_1.0.0\",\"version\"");
      // make sure the replacement happened: the text now has two "version" keys
      assertTrue(json.indexOf("\"version\"") != json.lastIndexOf("\"version\""));
      ModelException e = assertThrows(ModelException.class, () -> Model.load(json, ParamsWriter.write(params)));
      assertEquals(Rule.JSON_SYNTAX, e.rule(), e.getMessage());
      assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void topLevelArrayIsASchemaError() {
      ModelException e = assertThrows(ModelException.class, () -> Model.load("[]", ParamsWriter.write(params)));
      assertEquals(Rule.JSON_SCHEMA, e.rule(), e.getMessage());
    }

    @Test
    void badVersionStringIsRejected() {
      symbol.put("version", "cvm_2.0.0");
      rejected(Rule.VERSION, "\"cvm_2.0.0\"");
    }

    @Test
    void version110Loads() throws Exception {
      symbol.put("version", "cvm_1.1.0");
      assertEquals(5, load().graph().nodes().size());
    }

    @Test
    void missingVersionMeans100() throws Exception {
      symbol.remove("version");
      assertEquals(5, load().graph().nodes().size());
      // 1.0.0 rules apply: arg_nodes is then required
      symbol.remove("arg_nodes");
      rejected(Rule.GRAPH_INDEX, "arg_nodes");
    }
  }

  // ---------------------------------------------------------------- operators

  @Nested
  class Operators {
    @Test
    void opOtherThanCvmOpIsRejected() {
      node(CONV).put("op", "tvm_op");
      rejectedAt(Rule.OP_TYPE, CONV, "\"tvm_op\"");
    }

    @Test
    void aliasFuncNameIsNotAnOperator() {
      nodeAttrs(RELU).put("func_name", "nn.relu");
      rejectedAt(Rule.UNKNOWN_OPERATOR, RELU, "\"nn.relu\"");
    }

    @Test
    void unknownFuncNameIsNotAnOperator() {
      nodeAttrs(RELU).put("func_name", "__add_symbol__");
      rejectedAt(Rule.UNKNOWN_OPERATOR, RELU, "\"__add_symbol__\"");
    }

    @Test
    void numericSuffixIsStripped() throws Exception {
      nodeAttrs(RELU).put("func_name", "relu_12");
      nodeAttrs(CONV).put("func_name", "conv2d_15");
      Graph g = load().graph();
      assertEquals("relu", g.nodes().get(RELU).op().name());
      assertEquals("conv2d", g.nodes().get(CONV).op().name());
    }

    @Test
    void bareTrailingUnderscoreIsStrippedAsTheReferenceDoes() throws Exception {
      // GetOpName skips trailing digits, then cuts at a '_': zero digits is fine
      nodeAttrs(RELU).put("func_name", "relu_");
      assertEquals("relu", load().graph().nodes().get(RELU).op().name());
    }

    @Test
    void onlyTheLastNumericSuffixIsStripped() {
      nodeAttrs(RELU).put("func_name", "relu_1_2");
      rejectedAt(Rule.UNKNOWN_OPERATOR, RELU, "\"relu_1_2\"");
    }

    @Test
    void underscoreAndDigitsAloneAreNotAnOperator() {
      nodeAttrs(RELU).put("func_name", "_12");
      rejectedAt(Rule.UNKNOWN_OPERATOR, RELU, "\"_12\"");
    }

    @Test
    void nonAsciiDigitsAreNotASuffix() {
      nodeAttrs(RELU).put("func_name", "relu_\u0663");
      rejectedAt(Rule.UNKNOWN_OPERATOR, RELU, "relu_\u0663");
    }

    @Test
    void unknownOperatorAttributeIsRejected() {
      ObjectNode a = opAttrs(CONV);
      a.put("alpha", "1");
      setOpAttrs(CONV, a);
      rejectedAt(Rule.OP_ATTRS, CONV, "alpha");
    }

    @Test
    void hiddenOperatorAttributeIsTolerated() throws Exception {
      ObjectNode a = opAttrs(CONV);
      a.put("__layout__", "NCHW");
      setOpAttrs(CONV, a);
      assertEquals("conv2d", load().graph().nodes().get(CONV).op().name());
    }

    @Test
    void parameterlessOperatorWithAnAttributeIsRejected() {
      ObjectNode a = JSON.createObjectNode();
      a.put("threshold", "0");
      setOpAttrs(RELU, a);
      rejectedAt(Rule.OP_ATTRS, RELU, "threshold");
    }

    @Test
    void malformedAttributeValueIsRejected() {
      ObjectNode a = opAttrs(CONV);
      a.put("channels", "two");
      setOpAttrs(CONV, a);
      rejectedAt(Rule.OP_ATTRS, CONV, "channels", "\"two\"");
    }

    @Test
    void missingRequiredAttributeIsRejected() {
      ObjectNode a = opAttrs(SHIFT);
      a.remove("shift_bit");
      setOpAttrs(SHIFT, a);
      rejectedAt(Rule.OP_ATTRS, SHIFT, "shift_bit");
    }

    @Test
    void opAttrsThatIsNotAJsonObjectIsRejectedForOperators() {
      graphAttr("op_attrs").set(RELU, TextNode.valueOf(""));
      rejectedAt(Rule.OP_ATTRS, RELU);
      graphAttr("op_attrs").set(RELU, TextNode.valueOf("{\"a\": 1}"));
      rejectedAt(Rule.OP_ATTRS, RELU, "\"a\"");
    }

    @Test
    void opAttrsOfVariablesAreIgnored() throws Exception {
      graphAttr("op_attrs").set(DATA, TextNode.valueOf(""));
      graphAttr("op_attrs").set(W, TextNode.valueOf("not json at all"));
      assertEquals(5, load().graph().nodes().size());
    }

    @Test
    void opAttrsListOfWrongLengthIsRejected() {
      graphAttr("op_attrs").remove(RELU);
      rejected(Rule.OP_ATTRS, "4 elements", "5 nodes");
    }

    @Test
    void operatorWithTooFewInputsIsRejected() {
      node(CONV).set("inputs", entries(DATA));
      rejectedAt(Rule.INPUT_COUNT, CONV, "takes 2 inputs", "has 1");
    }

    @Test
    void operatorWithTooManyInputsIsRejected() {
      node(RELU).set("inputs", entries(SHIFT, SHIFT));
      rejectedAt(Rule.INPUT_COUNT, RELU, "takes 1 inputs", "has 2");
    }

    @Test
    void biasChangesTheInputCount() {
      ObjectNode a = opAttrs(CONV);
      a.put("use_bias", "True");
      setOpAttrs(CONV, a);
      rejectedAt(Rule.INPUT_COUNT, CONV, "takes 3 inputs", "has 2");
    }

    @Test
    void variableWithInputsIsRejected() {
      node(W).set("inputs", entries(DATA));
      rejectedAt(Rule.INPUT_COUNT, W, "variable");
    }
  }

  // ---------------------------------------------------------------- rule 1: variable names

  @Nested
  class ArgNames {
    @Test
    void duplicateVariableNameIsRejected() {
      node(W).put("name", "data");
      rejectedAt(Rule.ARG_NAMES, W, "node 0");
    }

    @Test
    void missingDataInputIsRejected() {
      node(DATA).put("name", "input");
      rejected(Rule.ARG_NAMES, "\"data\"");
    }

    @Test
    void operatorNamesMayRepeat() throws Exception {
      node(SHIFT).put("name", "x");
      node(RELU).put("name", "x");
      assertEquals(5, load().graph().nodes().size());
    }
  }

  // ---------------------------------------------------------------- rule 3: entry lists and storage ids

  @Nested
  class EntryCounts {
    @Test
    void storageIdListTooShortIsRejected() {
      graphAttr("storage_id").remove(4);
      rejected(Rule.ENTRY_COUNT, "attrs.storage_id", "4 elements", "5 entries");
    }

    @Test
    void shapeListTooLongIsRejected() {
      graphAttr("shape").add(ints(1));
      rejected(Rule.ENTRY_COUNT, "attrs.shape", "6 elements", "5 entries");
    }

    @Test
    void precisionListTooShortIsRejected() {
      graphAttr("precision").remove(0);
      rejected(Rule.ENTRY_COUNT, "attrs.precision", "4 elements");
    }

    @Test
    void dltypeListTooShortIsRejected() {
      graphAttr("dltype").remove(0);
      rejected(Rule.ENTRY_COUNT, "attrs.dltype", "4 elements");
    }

    @Test
    void negativeStorageIdIsRejected() {
      graphAttr("storage_id").set(3, IntNode.valueOf(-7));
      rejected(Rule.ENTRY_COUNT, "attrs.storage_id[3]", "-7");
    }
  }

  // ---------------------------------------------------------------- rule 4: storage aliasing

  @Nested
  class StorageAliasing {
    @Test
    void convOutputSharingItsDataStorageIsRejected() {
      graphAttr("storage_id").set(CONV, IntNode.valueOf(0));
      rejectedAt(Rule.STORAGE_ALIAS, CONV, "conv2d", "storage id 0");
    }

    @Test
    void convOutputSharingItsWeightStorageIsRejected() {
      graphAttr("storage_id").set(CONV, IntNode.valueOf(1));
      rejectedAt(Rule.STORAGE_ALIAS, CONV, "storage id 1");
    }

    @Test
    void reluSharingItsInputStorageLoads() throws Exception {
      graphAttr("storage_id").set(RELU, IntNode.valueOf(3));
      graphAttr("storage_id").set(SHIFT, IntNode.valueOf(2));
      Graph g = load().graph();
      assertEquals(3, g.storageIds()[RELU]);
      assertEquals(2, g.storageIds()[SHIFT]);
    }

    @Test
    void negativeMayNotAliasItsInputBecauseTheReferenceMisspellsIt() {
      nodeAttrs(RELU).put("func_name", "negative");
      graphAttr("storage_id").set(RELU, IntNode.valueOf(3));
      rejectedAt(Rule.STORAGE_ALIAS, RELU, "negative", "storage id 3");
    }

    @Test
    void sharingWithAnEntryThatIsNotAnInputLoads() throws Exception {
      // conv2d output shares the id of the relu output: not an input of the conv, so allowed
      graphAttr("storage_id").set(CONV, IntNode.valueOf(4));
      assertEquals(4, load().graph().storageIds()[CONV]);
    }
  }

  // ---------------------------------------------------------------- rule 5: shape limits

  @Nested
  class ShapeLimits {
    @Test
    void sevenDimensionsAreRejected() {
      setShape(RELU, 1, 1, 1, 1, 1, 1, 1);
      rejectedAt(Rule.SHAPE_LIMITS, RELU, "(1, 1, 1, 1, 1, 1, 1)");
    }

    @Test
    void zeroDimensionsAreRejected() {
      setShape(RELU);
      rejectedAt(Rule.SHAPE_LIMITS, RELU, "entry 4", "()");
    }

    @Test
    void sixDimensionsPassTheLimitCheck() {
      setShape(RELU, 1, 2, 2, 2, 1, 1);
      rejectedAt(Rule.SHAPE_INFERENCE, RELU, "(1, 2, 2, 2, 1, 1)");
    }

    @Test
    void aDimensionOfZeroIsRejected() {
      setShape(RELU, 1, 2, 0, 2);
      rejectedAt(Rule.SHAPE_LIMITS, RELU, "(1, 2, 0, 2)");
    }

    @Test
    void aNegativeDimensionIsRejected() {
      setShape(DATA, 1, 1, -4, 4);
      rejectedAt(Rule.SHAPE_LIMITS, DATA, "(1, 1, -4, 4)");
    }

    @Test
    void aDimensionAbove2To24IsRejected() {
      setShape(RELU, 1, (1 << 24) + 1);
      rejectedAt(Rule.SHAPE_LIMITS, RELU, "(1, 16777217)");
    }

    @Test
    void aDimensionOf2To24PassesTheLimitCheck() {
      setShape(RELU, 1, 1 << 24);
      rejectedAt(Rule.SHAPE_INFERENCE, RELU, "(1, 16777216)");
    }

    @Test
    void moreThan2To30ElementsAreRejected() {
      setShape(RELU, 1024, 1024, 1025);
      rejectedAt(Rule.SHAPE_LIMITS, RELU, "(1024, 1024, 1025)");
    }

    @Test
    void exactly2To30ElementsPassTheLimitCheck() {
      setShape(RELU, 1024, 1024, 1024);
      rejectedAt(Rule.SHAPE_INFERENCE, RELU, "(1024, 1024, 1024)");
    }

    @Test
    void anElementCountThatWouldOverflowALongIsRejected() {
      setShape(RELU, 1 << 24, 1 << 24, 1 << 24, 1 << 24, 1 << 24, 1 << 24);
      rejectedAt(Rule.SHAPE_LIMITS, RELU, "16777216");
    }
  }

  // ---------------------------------------------------------------- rule 6: precision range

  @Nested
  class PrecisionRange {
    @Test
    void precision33IsRejected() {
      graphAttr("precision").set(W, IntNode.valueOf(33));
      rejectedAt(Rule.PRECISION_RANGE, W, "precision 33");
    }

    @Test
    void precisionZeroIsRejected() {
      graphAttr("precision").set(DATA, IntNode.valueOf(0));
      rejectedAt(Rule.PRECISION_RANGE, DATA, "precision 0");
    }

    @Test
    void operatorEntryWithPrecision33IsRejectedToo() {
      graphAttr("precision").set(RELU, IntNode.valueOf(33));
      rejectedAt(Rule.PRECISION_RANGE, RELU, "precision 33");
    }

    @Test
    void variableWithPrecisionMinusOneIsRejected() {
      graphAttr("precision").set(W, IntNode.valueOf(-1));
      rejectedAt(Rule.PRECISION_RANGE, W, "-1");
    }

    @Test
    void secondOutputOfATwoOutputOperatorIsRangeCheckedToo() throws Exception {
      GraphBuilder b = new GraphBuilder();
      EntryRef data = b.input(Shape.of(1, 5, 6), 8);
      EntryRef count = b.op("get_valid_counts", Map.of(), 0, data);
      GraphBuilder.Built built = b.build(count, new EntryRef(count.nodeId(), 1));
      symbol = (ObjectNode) JSON.readTree(SymbolWriter.write(built.symbol()));
      params = new ArrayList<>(built.params());
      assertEquals(2, load().graph().heads().length);
      graphAttr("precision").set(2, IntNode.valueOf(40));
      rejectedAt(Rule.PRECISION_RANGE, 1, "entry 2", "precision 40");
    }

    @Test
    void declaredPrecisionOfOperatorEntriesIsIgnored() throws Exception {
      graphAttr("precision").set(RELU, IntNode.valueOf(3));
      graphAttr("precision").set(SHIFT, IntNode.valueOf(3));
      graphAttr("precision").set(CONV, IntNode.valueOf(32));
      Graph g = load().graph();
      assertArrayEquals(new int[] {8, 8, 20, 8, 8}, g.precisions());
    }
  }

  // ---------------------------------------------------------------- rule 7: graph indices

  @Nested
  class GraphIndex {
    @Test
    void wrongNodeRowPtrIsRejected() {
      symbol.set("node_row_ptr", ints(0, 1, 2, 3, 4, 6));
      rejected(Rule.GRAPH_INDEX, "[0, 1, 2, 3, 4, 6]", "[0, 1, 2, 3, 4, 5]");
    }

    @Test
    void nodeRowPtrOfWrongLengthIsRejected() {
      symbol.set("node_row_ptr", ints(0, 1, 2, 3, 4));
      rejected(Rule.GRAPH_INDEX, "[0, 1, 2, 3, 4]");
    }

    @Test
    void missingNodeRowPtrIsRejected() {
      symbol.remove("node_row_ptr");
      rejected(Rule.GRAPH_INDEX, "node_row_ptr", "missing");
    }

    @Test
    void missingNodeRowPtrIsRejectedIn110Too() {
      symbol.put("version", "cvm_1.1.0");
      symbol.remove("node_row_ptr");
      rejected(Rule.GRAPH_INDEX, "node_row_ptr", "missing");
    }

    @Test
    void missingArgNodesIsRejectedIn100() {
      symbol.remove("arg_nodes");
      rejected(Rule.GRAPH_INDEX, "arg_nodes", "cvm_1.0.0");
    }

    @Test
    void missingArgNodesLoadsIn110() throws Exception {
      symbol.put("version", "cvm_1.1.0");
      symbol.remove("arg_nodes");
      assertEquals(5, load().graph().nodes().size());
    }

    @Test
    void wrongArgNodesIsRejectedIn100() {
      symbol.set("arg_nodes", ints(0));
      rejected(Rule.GRAPH_INDEX, "arg_nodes [0]", "[0, 1]");
    }

    @Test
    void wrongArgNodesIsReplacedIn110() throws Exception {
      symbol.put("version", "cvm_1.1.0");
      symbol.set("arg_nodes", ints(0, 3));
      assertEquals(5, load().graph().nodes().size());
    }

    @Test
    void headReferringToAMissingNodeIsRejected() {
      symbol.set("heads", entries(9));
      rejected(Rule.GRAPH_INDEX, "heads[0]", "node 9", "5 nodes");
    }

    @Test
    void headReferringToAMissingOutputIsRejected() {
      ArrayNode heads = JSON.createArrayNode();
      heads.add(ints(RELU, 1, 0));
      symbol.set("heads", heads);
      rejected(Rule.GRAPH_INDEX, "heads[0]", "output 1", "node 4");
    }

    @Test
    void graphWithoutHeadsIsRejected() {
      symbol.set("heads", JSON.createArrayNode());
      rejected(Rule.GRAPH_INDEX, "heads");
    }

    @Test
    void inputReferringToAMissingNodeIsRejectedOnTheReadingNode() {
      node(SHIFT).set("inputs", entries(12));
      rejectedAt(Rule.GRAPH_INDEX, SHIFT, "inputs[0]", "node 12");
    }

    @Test
    void dltypeOtherThanInt32IsATypeError() {
      graphAttr("dltype").set(CONV, TextNode.valueOf("float32"));
      rejected(Rule.TYPE, "attrs.dltype[2]", "\"float32\"");
    }

    @Test
    void missingDltypeIsRejectedIn100ButNotIn110() throws Exception {
      ((ObjectNode) symbol.get("attrs")).remove("dltype");
      rejected(Rule.ENTRY_COUNT, "dltype");
      symbol.put("version", "cvm_1.1.0");
      assertEquals(5, load().graph().nodes().size());
    }
  }

  // ---------------------------------------------------------------- rule 8: topological order

  @Nested
  class TopologicalOrder {
    @Test
    void inputFromALaterNodeIsRejected() {
      node(SHIFT).set("inputs", entries(RELU));
      rejectedAt(Rule.TOPOLOGICAL_ORDER, SHIFT, "node 4");
    }

    @Test
    void inputFromItselfIsRejected() {
      node(SHIFT).set("inputs", entries(SHIFT));
      rejectedAt(Rule.TOPOLOGICAL_ORDER, SHIFT, "node 3");
    }
  }

  // ---------------------------------------------------------------- rules 9-11: inference

  @Nested
  class Inference {
    @Test
    void declaredOutputShapeDifferentFromInferredIsRejected() {
      setShape(RELU, 1, 2, 2, 3);
      rejectedAt(Rule.SHAPE_INFERENCE, RELU, "(1, 2, 2, 3)", "(1, 2, 2, 2)");
    }

    @Test
    void convWithWrongWeightShapeIsRejected() {
      setShape(W, 2, 1, 2, 2);
      params.set(0, weight(Shape.of(2, 1, 2, 2), 8, new int[8]));
      rejectedAt(Rule.SHAPE_INFERENCE, CONV, "(2, 1, 2, 2)", "(2, 1, 3, 3)");
    }

    @Test
    void convInputPrecision9IsRejected() {
      graphAttr("precision").set(DATA, IntNode.valueOf(9));
      rejectedAt(Rule.PRECISION_INFERENCE, CONV, "9");
    }

    @Test
    void convWeightPrecision9IsRejected() {
      graphAttr("precision").set(W, IntNode.valueOf(9));
      rejectedAt(Rule.PRECISION_INFERENCE, CONV, "9");
    }
  }

  // ---------------------------------------------------------------- rule 12: params

  @Nested
  class Params {
    @Test
    void paramValueOutsideItsPrecisionIsRejected() {
      int[] w = new int[18];
      w[5] = -128;
      params.set(0, weight(Shape.of(2, 1, 3, 3), 8, w));
      rejectedAt(Rule.PARAMS, W, "-128", "flat index 5", "precision 8");
    }

    @Test
    void paramValueAtTheEdgeOfItsPrecisionLoads() throws Exception {
      int[] w = new int[18];
      w[0] = 127;
      w[1] = -127;
      params.set(0, weight(Shape.of(2, 1, 3, 3), 8, w));
      assertEquals(1, load().params().size());
    }

    @Test
    void paramValueOutsideALowerDeclaredPrecisionIsRejected() {
      graphAttr("precision").set(W, IntNode.valueOf(3));
      int[] w = new int[18];
      w[17] = 4;
      params.set(0, weight(Shape.of(2, 1, 3, 3), 8, w));
      rejectedAt(Rule.PARAMS, W, "value 4", "precision 3");
    }

    @Test
    void int32ParamOutsideAnInt8PrecisionIsRejected() {
      int[] w = new int[18];
      w[3] = 1000;
      params.set(0, weight(Shape.of(2, 1, 3, 3), 32, w));
      rejectedAt(Rule.PARAMS, W, "1000");
    }

    @Test
    void paramShapeMismatchIsRejected() {
      params.set(0, weight(Shape.of(18), 8, new int[18]));
      rejectedAt(Rule.PARAMS, W, "(18,)", "(2, 1, 3, 3)");
    }

    @Test
    void missingParamIsRejected() {
      params.clear();
      rejectedAt(Rule.PARAMS, W, "no value");
    }

    @Test
    void paramThatIsNotAVariableIsRejected() {
      params.add(ParamTensor.of("conv2d_0", 8, Shape.of(1), new int[1]));
      rejected(Rule.PARAMS, "'conv2d_0'", "not a variable");
    }

    @Test
    void paramForTheInputIsRejected() {
      params.add(ParamTensor.of("data", 8, Shape.of(1, 1, 4, 4), new int[16]));
      rejectedAt(Rule.PARAMS, DATA, "input");
    }

    @Test
    void duplicateParamIsRejected() {
      params.add(params.get(0));
      rejectedAt(Rule.PARAMS, W, "params 0 and 1");
    }
  }

  // ---------------------------------------------------------------- params file layout

  @Nested
  class ParamsFormat {
    /** Offset of the first tensor: list header, one name "w", tensor count. */
    private static final int TENSOR = 8 + 8 + 8 + 8 + 1 + 8;
    /** Offset of the first tensor's dtype code: magic, reserved, device type, device id, ndim. */
    private static final int DTYPE_CODE = TENSOR + 8 + 8 + 4 + 4 + 4;

    private byte[] valid() {
      return ParamsWriter.write(params);
    }

    @Test
    void layoutOffsetsAreWhereTheTestsExpectThem() {
      byte[] b = valid();
      assertEquals((byte) 0x3F, b[TENSOR]);
      assertEquals(0, b[DTYPE_CODE]);
      assertEquals(8, b[DTYPE_CODE + 1]);
      assertEquals(DTYPE_CODE + 4 + 4 * 8 + 8 + 18, b.length);
    }

    @Test
    void truncatedParamsAreRejected() {
      byte[] b = valid();
      paramsBytes = Arrays.copyOf(b, b.length - 1);
      rejected(Rule.PARAMS_FORMAT, "ends inside", "data");
    }

    @Test
    void paramsCutInsideTheHeaderAreRejected() {
      paramsBytes = Arrays.copyOf(valid(), 12);
      rejected(Rule.PARAMS_FORMAT, "ends inside");
    }

    @Test
    void emptyParamsAreRejected() {
      paramsBytes = new byte[0];
      rejected(Rule.PARAMS_FORMAT, "at byte 0");
    }

    @Test
    void badListMagicIsRejected() {
      paramsBytes = valid();
      paramsBytes[0] ^= 1;
      rejected(Rule.PARAMS_FORMAT, "bad magic", "0xF7E58D4F05049CB6");
    }

    @Test
    void badTensorMagicIsRejected() {
      paramsBytes = valid();
      paramsBytes[TENSOR + 7] = 0;
      rejected(Rule.PARAMS_FORMAT, "at byte " + TENSOR, "'w'", "bad magic");
    }

    @Test
    void trailingBytesAreRejected() {
      byte[] b = valid();
      paramsBytes = Arrays.copyOf(b, b.length + 3);
      rejected(Rule.PARAMS_FORMAT, "3 unexpected bytes", "at byte " + b.length);
    }

    @Test
    void floatDtypeIsRejected() {
      params.set(0, weight(Shape.of(2, 1, 3, 3), 32, new int[18]));
      paramsBytes = valid();
      paramsBytes[DTYPE_CODE] = 2;
      rejected(Rule.PARAMS_FORMAT, "code 2", "bits 32");
    }

    @Test
    void sixteenBitIntegersAreRejected() {
      paramsBytes = valid();
      paramsBytes[DTYPE_CODE + 1] = 16;
      rejected(Rule.PARAMS_FORMAT, "bits 16");
    }

    @Test
    void hugeNameCountIsRejectedBeforeAllocating() {
      paramsBytes = valid();
      paramsBytes[16 + 7] = 0x7F;
      rejected(Rule.PARAMS_FORMAT, "name count");
    }

    @Test
    void tensorCountDifferentFromNameCountIsRejected() {
      paramsBytes = valid();
      paramsBytes[TENSOR - 8] = 2;
      rejected(Rule.PARAMS_FORMAT, "tensor count 2", "name count 1");
    }

    @Test
    void dataSizeDisagreeingWithTheShapeIsRejected() {
      paramsBytes = valid();
      int sizeAt = DTYPE_CODE + 4 + 4 * 8;
      paramsBytes[sizeAt] = 17;
      rejected(Rule.PARAMS_FORMAT, "data size 17", "expected 18");
    }
  }

  @Test
  void modelExceptionMessagesWithoutANodeHaveNoNodePrefix() {
    symbol.put("version", "x");
    ModelException e = rejected(Rule.VERSION);
    assertNull(e.nodeName());
    assertTrue(e.getMessage().startsWith("[version]"), e.getMessage());
  }
}
