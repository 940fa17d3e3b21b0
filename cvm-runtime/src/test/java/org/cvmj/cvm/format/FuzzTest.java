package org.cvmj.cvm.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cvmj.cvm.Fixtures;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Gas;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.GraphBuilder;
import org.cvmj.cvm.model.Model;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Node;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.op.OpAttrs;
import org.cvmj.cvm.op.OpException;
import org.cvmj.cvm.op.Operator;
import org.cvmj.cvm.op.Operators;
import org.cvmj.cvm.op.Precision;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * Hostile model files: thousands of seeded random mutations of valid symbol and params files must either
 * load or fail with a {@link ModelException}; any other exception or error (a RuntimeException escaping an
 * operator, OutOfMemoryError, StackOverflowError) fails the test with the case seed, the mutations and the
 * mutated files (also written to {@code target/fuzz-failures/}). Models that load and are small are run
 * once on a zero input and once on a random one, and must not throw either.
 *
 * <p>Deterministic: a fixed seed, and case i derives its own seed from it. {@code -Dcvmj.fuzz.cases=N}
 * runs N cases instead of the default and {@code -Dcvmj.fuzz.seed=S} starts from another seed, for longer
 * runs by hand.
 */
class FuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final long SEED = Long.getLong("cvmj.fuzz.seed", 0x0C0FFEE_5EEDL);
  private static final int BUILT_CASES = Integer.getInteger("cvmj.fuzz.cases", 5000);
  private static final int FIXTURE_CASES = Integer.getInteger("cvmj.fuzz.fixtureCases", 300);
  /** Run a mutated model only when its buffers hold fewer int32 elements than this... */
  private static final long MAX_RUN_ELEMENTS = 1_000_000;
  /** ...and its gas is below this, so that the run stays short. */
  private static final long MAX_RUN_GAS = 20_000_000;
  private static final int MAX_REPORTED_FAILURES = 25;

  // ============================================================ seed models

  private record SeedModel(String name, String symbol, byte[] params) {}

  private static Map<String, String> attrs(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static int[] values(Random rnd, int n, int precision) {
    int r = Precision.range(precision);
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = (int) (rnd.nextLong() % ((long) r + 1));
    }
    return v;
  }

  /** conv2d -> cvm_right_shift -> relu, the example of spec §1.1.1 plus a relu. */
  static GraphBuilder.Built convModel() {
    Random rnd = new Random(1);
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(1, 1, 4, 4), 8);
    EntryRef w = b.param("w", Shape.of(2, 1, 3, 3), 8, values(rnd, 18, 8));
    EntryRef c = b.op("conv2d", attrs("use_bias", "False", "kernel_size", "(3, 3)", "channels", "2"), data, w);
    EntryRef s = b.op("cvm_right_shift", attrs("precision", "8", "shift_bit", "4"), c);
    return b.build(b.op("relu", Map.of(), s));
  }

  /** A small CNN touching the nn, requantisation and elementwise operators, ending in dense. */
  static GraphBuilder.Built cnnModel() {
    Random rnd = new Random(2);
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(1, 2, 6, 6), 8);
    EntryRef w1 = b.param("w1", Shape.of(4, 2, 3, 3), 8, values(rnd, 72, 8));
    EntryRef b1 = b.param("b1", Shape.of(4), 8, values(rnd, 4, 8));
    EntryRef conv = b.op("conv2d", attrs("channels", "4", "kernel_size", "(3, 3)", "padding", "(1, 1)",
        "use_bias", "True"), data, w1, b1);
    EntryRef shift = b.op("cvm_right_shift", attrs("precision", "8", "shift_bit", "6"), conv);
    EntryRef relu = b.op("relu", Map.of(), shift);
    EntryRef pool = b.op("max_pool2d", attrs("pool_size", "(2, 2)", "strides", "(2, 2)"), relu);
    EntryRef up = b.op("upsampling", attrs("scale", "2"), pool);
    EntryRef clip6 = b.op("cvm_clip", attrs("precision", "6"), up);
    EntryRef abs = b.op("abs", Map.of(), clip6);
    EntryRef neg = b.op("negative", Map.of(), abs);
    EntryRef clip = b.op("clip", attrs("a_min", "-5", "a_max", "5"), neg);
    EntryRef add = b.op("elemwise_add", Map.of(), clip, relu);
    EntryRef sub = b.op("elemwise_sub", Map.of(), add, abs);
    EntryRef prec = b.op("cvm_precision", Map.of(), sub);
    EntryRef left = b.op("cvm_left_shift", attrs("precision", "8", "shift_bit", "1"), prec);
    EntryRef flat = b.op("flatten", Map.of(), left);
    EntryRef w2 = b.param("w2", Shape.of(3, 144), 8, values(rnd, 432, 8));
    EntryRef b2 = b.param("b2", Shape.of(3), 16, values(rnd, 3, 16));
    EntryRef dense = b.op("dense", attrs("units", "3", "use_bias", "True"), flat, w2, b2);
    return b.build(dense);
  }

  /** Shape operators, broadcasts, reductions and table lookups on a 3-D input; two heads. */
  static GraphBuilder.Built tensorModel() {
    Random rnd = new Random(3);
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(2, 3, 4), 8);
    EntryRef t = b.op("transpose", attrs("axes", "(2, 0, 1)"), data); // (4, 2, 3)
    EntryRef r = b.op("reshape", attrs("shape", "(4, 6)"), t);
    EntryRef e = b.op("expand_dims", attrs("axis", "0"), r); // (1, 4, 6)
    EntryRef sq = b.op("squeeze", Map.of(), e); // (4, 6)
    EntryRef cat = b.op("concatenate", attrs("axis", "0"), sq, r); // (8, 6)
    EntryRef rep = b.op("repeat", attrs("repeats", "2", "axis", "1"), cat); // (8, 12)
    EntryRef tile = b.op("tile", attrs("reps", "(2, 1)"), rep); // (16, 12)
    EntryRef sl = b.op("strided_slice", attrs("begin", "(1, 0)", "end", "(9, 12)", "stride", "(2, 3)"),
        tile); // (4, 4)
    EntryRef like = b.param("like", Shape.of(3, 3), 8, values(rnd, 9, 8));
    EntryRef sl2 = b.op("slice_like", Map.of(), sl, like); // (3, 3)
    EntryRef bias = b.param("bias", Shape.of(1, 3), 8, values(rnd, 3, 8));
    EntryRef badd = b.op("broadcast_add", Map.of(), sl2, bias);
    EntryRef bsub = b.op("broadcast_sub", Map.of(), badd, bias);
    EntryRef bmul = b.op("broadcast_mul", Map.of(), sl2, bias);
    EntryRef bmax = b.op("broadcast_max", Map.of(), bsub, bmul);
    EntryRef div = b.param("div", Shape.of(3), 4, new int[] {1, -3, 7});
    EntryRef bdiv = b.op("broadcast_div", Map.of(), bmax, div);
    EntryRef bgt = b.op("broadcast_greater", Map.of(), bdiv, div);
    EntryRef where = b.op("where", Map.of(), bgt, bdiv, bmax);
    EntryRef sum = b.op("sum", attrs("axis", "(1,)", "keepdims", "True"), where); // (3, 1)
    EntryRef max = b.op("max", attrs("axis", "(0,)"), bmax); // (3,)
    EntryRef idx = b.op("clip", attrs("a_min", "0", "a_max", "2"), data);
    EntryRef take = b.op("take", attrs("axis", "0"), max, idx); // (2, 3, 4)
    EntryRef table = b.param("table", Shape.of(16), 8, values(rnd, 16, 8));
    EntryRef lut = b.op("cvm_lut", attrs("in_dim", "16"), take, table);
    return b.build(sum, lut);
  }

  /** get_valid_counts -> non_max_suppression, both outputs of the former used; two heads. */
  static GraphBuilder.Built visionModel() {
    GraphBuilder b = new GraphBuilder();
    EntryRef data = b.input(Shape.of(1, 5, 6), 8);
    EntryRef count = b.op("get_valid_counts", attrs("score_threshold", "0"), 0, data);
    EntryRef boxes = new EntryRef(count.nodeId(), 1);
    EntryRef nms = b.op("non_max_suppression", attrs("iou_threshold", "50", "force_suppress", "True",
        "top_k", "3"), boxes, count);
    return b.build(nms, count);
  }

  private static SeedModel seed(String name, GraphBuilder.Built built) {
    return new SeedModel(name, SymbolWriter.write(built.symbol()), ParamsWriter.write(built.params()));
  }

  private static List<SeedModel> builtSeeds() {
    return List.of(seed("conv", convModel()), seed("cnn", cnnModel()), seed("tensor", tensorModel()),
        seed("vision", visionModel()));
  }

  // ============================================================ tests

  @Test
  void seedModelsAreValidAndRun() throws Exception {
    for (SeedModel s : builtSeeds()) {
      Model m = Model.load(s.symbol(), s.params());
      try (Executor ex = new Executor(m, 2)) {
        int[] input = values(new Random(4), m.graph().inputShape().elements(), m.graph().inputPrecision());
        int[][] first = ex.run(input);
        assertEquals(m.graph().heads().length, first.length, s.name());
        assertTrue(Arrays.deepEquals(first, ex.run(input)), s.name());
      }
    }
  }

  @Test
  void mutatedBuiltModelsLoadOrFailWithAModelException() {
    Fuzzer f = new Fuzzer(builtSeeds());
    f.run(SEED, BUILT_CASES);
    f.report("built models");
    f.assertNoFailures();
    // the mutations must reach past the parsers: some models load and run, and many rules fire
    assertTrue(f.loaded >= BUILT_CASES / 20, "only " + f.loaded + " mutated models loaded");
    assertTrue(f.executed >= BUILT_CASES / 40, "only " + f.executed + " mutated models ran");
    assertTrue(f.rules.size() >= 15, "only these rules fired: " + f.rules.keySet());
    assertTrue(f.changedOps >= BUILT_CASES / 50, "only " + f.changedOps + " loaded models had changed operators");
    assertTrue(f.changedShapes >= BUILT_CASES / 100, "only " + f.changedShapes + " loaded models had changed shapes");
  }

  @Test
  void mutatedFixtureLoadsOrFailsWithAModelException() throws Exception {
    Path dir = Fixtures.resnet20();
    SeedModel fixture = new SeedModel("resnet20",
        Files.readString(dir.resolve("symbol"), StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("params")));
    Model.load(fixture.symbol(), fixture.params());
    Fuzzer f = new Fuzzer(List.of(fixture));
    f.run(SEED ^ 0xF1C7E5L, FIXTURE_CASES);
    f.report("resnet20 fixture");
    f.assertNoFailures();
    assertTrue(f.rules.size() >= 8, "only these rules fired: " + f.rules.keySet());
  }

  @Test
  void hostileParamsHeadersFailWithAModelException() {
    // lengths and counts that would allocate gigabytes if trusted
    byte[] valid = seed("conv", convModel()).params();
    long[] hostile = {-1L, Long.MAX_VALUE, Integer.MAX_VALUE, 1L << 32, (1L << 31) - 1, 1L << 40};
    int tensor = 8 + 8 + 8 + 8 + 1 + 8;
    // name count, name length, tensor count, device id + ndim, dim 0, data size
    int[] offsets = {16, 24, tensor - 8, tensor + 20, tensor + 32, tensor + 32 + 4 * 8};
    for (int at : offsets) {
      for (long v : hostile) {
        byte[] b = valid.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
        try {
          ParamsReader.read(b);
          fail("accepted " + v + " at byte " + at);
        } catch (ModelException e) {
          assertEquals(Rule.PARAMS_FORMAT, e.rule(), e.getMessage());
        }
      }
    }
  }

  @Test
  void deeplyNestedJsonFailsWithAModelException() {
    for (int depth : new int[] {10, 999, 1000, 1001, 5000, 200_000}) {
      String deep = "[".repeat(depth) + "]".repeat(depth);
      String symbol = SymbolWriter.write(convModel().symbol());
      String deepInputs = symbol.replaceFirst("\\[\\s*\\]", deep);
      assertTrue(deepInputs.length() > symbol.length() || depth < 2);
      for (String json : new String[] {deep, "{\"nodes\": " + deep + "}", deepInputs}) {
        try {
          Model.load(json, seed("conv", convModel()).params());
          fail("depth " + depth + " loaded");
        } catch (ModelException e) {
          assertTrue(e.rule() == Rule.JSON_SYNTAX || e.rule() == Rule.JSON_SCHEMA, e.getMessage());
        }
      }
    }
  }

  // ------------------------------------------------------------ round trips

  @Test
  void paramsRoundTripByteForByteForBuiltModels() throws Exception {
    for (SeedModel s : builtSeeds()) {
      assertArrayEquals(s.params(), ParamsWriter.write(ParamsReader.read(s.params())), s.name());
    }
  }

  @Test
  void paramsRoundTripByteForByteForTheFixture() throws Exception {
    byte[] original = Files.readAllBytes(Fixtures.resnet20().resolve("params"));
    assertArrayEquals(original, ParamsWriter.write(ParamsReader.read(original)));
  }

  @Test
  void paramsWithOddDeviceFieldsAndEmptyShapesRoundTrip() throws Exception {
    List<ParamTensor> params = List.of(
        new ParamTensor("scalar", 32, Shape.of(), new int[] {-7}, 2, 3),
        new ParamTensor("empty", 8, Shape.of(0, 4), new int[0], 1, 0),
        new ParamTensor("\u00fcnicode \u2603", 8, Shape.of(2), new int[] {-128, 127}, 1, 0),
        ParamTensor.of("wide", 32, Shape.of(1, 2), new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}));
    byte[] bytes = ParamsWriter.write(params);
    List<ParamTensor> read = ParamsReader.read(bytes);
    assertEquals(params.size(), read.size());
    for (int i = 0; i < params.size(); i++) {
      ParamTensor a = params.get(i);
      ParamTensor b = read.get(i);
      assertEquals(a.name(), b.name());
      assertEquals(a.bits(), b.bits());
      assertEquals(a.shape(), b.shape());
      assertArrayEquals(a.values(), b.values());
      assertEquals(a.deviceType(), b.deviceType());
      assertEquals(a.deviceId(), b.deviceId());
    }
    assertArrayEquals(bytes, ParamsWriter.write(read));
  }

  @Test
  void symbolRecordsRoundTripForBuiltModels() throws Exception {
    for (GraphBuilder.Built b : List.of(convModel(), cnnModel(), tensorModel(), visionModel())) {
      Symbol s = b.symbol();
      assertEquals(s, SymbolReader.read(SymbolWriter.write(s)));
    }
  }

  @Test
  void symbolRecordsWithEveryOptionalFieldRoundTrip() throws Exception {
    Symbol base = convModel().symbol();
    List<SymbolNode> nodes = new ArrayList<>(base.nodes());
    SymbolNode v = nodes.get(1);
    Map<String, String> varAttrs = new LinkedHashMap<>();
    varAttrs.put("op_attrs", "{}");
    nodes.set(1, new SymbolNode(v.op(), "w \u00e9\"\\", v.inputs(), varAttrs, 8));
    SymbolNode c = nodes.get(2);
    nodes.set(2, new SymbolNode(c.op(), c.name(), List.of(new EntryRef(0, 0, 3), new EntryRef(1, 0, 0)),
        c.attrs(), -1));
    GraphAttrs a = base.attrs();
    GraphAttrs attrs = new GraphAttrs(a.shapes(), a.storageIds(), a.opAttrs(), a.precisions(), null,
        List.of(4, 4, 4, 4, 4), List.of());
    Symbol s = new Symbol(nodes, null, null, base.heads(), attrs, Symbol.VERSION_1_1, "argmax");
    String text = SymbolWriter.write(s);
    assertEquals(s, SymbolReader.read(text));
    assertEquals(text, SymbolWriter.write(SymbolReader.read(text)));
  }

  @Test
  void fixtureSymbolRoundTrips() throws Exception {
    String text = Files.readString(Fixtures.resnet20().resolve("symbol"), StandardCharsets.UTF_8);
    Symbol s = SymbolReader.read(text);
    String written = SymbolWriter.write(s);
    assertEquals(s, SymbolReader.read(written));
    assertEquals(written, SymbolWriter.write(SymbolReader.read(written)));
    assertEquals(JSON.readTree(text), JSON.readTree(written), "same JSON document, up to formatting");
  }

  // ============================================================ the fuzzer

  /** Operator names to swap in: the registry, aliases the reference parses but cannot run, and junk. */
  private static final List<String> FUNC_NAMES;

  static {
    List<String> names = new ArrayList<>(Operators.names());
    names.addAll(List.of("nn.relu", "add", "__add_symbol__", "conv2d_3", "relu_", "_1", "", "CONV2D",
        "cvm_op", "null", "flatten_12", "broadcast_mul_0", "nagetive", "cvm_right_shift_"));
    FUNC_NAMES = List.copyOf(names);
  }

  private static final List<String> ATTR_KEYS = List.of("a_max", "a_min", "axes", "axis", "begin",
      "ceil_mode", "channels", "coord_start", "dilation", "dtype", "end", "exclude", "force_suppress", "groups",
      "id_index", "in_dim", "invalid_to_bottom", "iou_threshold", "is_sign", "keepdims", "kernel_layout",
      "kernel_size", "layout", "max_output_size", "method", "num_newaxis", "out_dtype", "out_layout", "padding",
      "pool_size", "precision", "repeats", "reps", "return_indices", "scale", "score_index",
      "score_threshold", "shape", "shift_bit", "stride", "strides", "top_k", "units", "use_bias", "alpha",
      "__hidden__", "");

  private static final List<String> ATTR_VALUES = List.of("0", "1", "-1", "2", "3", "5", "8", "31", "32", "33",
      "4096", "4097", "2147483647", "-2147483648", "2147483648", "99999999999", "(1, 1)", "(0, 0)", "(2, 2)",
      "(3, 3)", "(4096, 4096)", "(-1, -1)", "(1,)", "()", "[]", "(1, 2, 3)", "(2147483647, 2147483647)",
      "[0, 1]", "(1, 0, 2)", "(0, 1, 2, 3)", "(3, 2, 1, 0)", "(-2147483648,)", "(1, -1)", "(-1,)", "(0,)",
      "(16777216, 1)", "(1, 1, 1, 1, 1, 1, 1)", "(0, -1)", "(-2, -3)", "(-4, 2, -1)", "None", "True", "False",
      "true", "NCHW", "NHWC", "OIHW", "__undef__", "int32", "int8", "same", "float32", "NEAREST_NEIGHBOR",
      "BILINEAR", "", " ", "(", "((1))", "1L", "-0", "abc", "(1, , 2)", "0x10", "1e3", "1.5", "\u0661");

  private static final List<JsonNode> NUMBERS = List.of(F.numberNode(0), F.numberNode(-1), F.numberNode(1),
      F.numberNode(2), F.numberNode(3), F.numberNode(7), F.numberNode(8), F.numberNode(9), F.numberNode(32),
      F.numberNode(33), F.numberNode(1 << 24), F.numberNode((1 << 24) + 1), F.numberNode(1 << 30),
      F.numberNode(Integer.MAX_VALUE), F.numberNode(Integer.MIN_VALUE), F.numberNode(1L << 32),
      F.numberNode(Long.MAX_VALUE), F.numberNode(new BigInteger("123456789012345678901234567890")),
      F.numberNode(1.5), F.numberNode(1e300), F.numberNode(-0.0));

  private static final List<String> STRINGS = List.of("", "null", "cvm_op", "data", "int32", "float32",
      "list_int", "list_str", "list_shape", "cvm_1.1.0", "argmax", "detection", "{}", "{\"precision\": \"8\"}",
      "\u0000", "\u00fc\u2603", "x".repeat(10_000));

  private static final class Fuzzer {
    private final List<SeedModel> seeds;
    final Map<Rule, Integer> rules = new TreeMap<>();
    int loaded;
    int executed;
    /** Loaded models whose operators (with their attributes) or shapes differ from their seed's. */
    int changedOps;
    int changedShapes;
    private final Map<SeedModel, Graph> seedGraphs = new HashMap<>();
    int cases;
    final List<String> failures = new ArrayList<>();
    private int failureCount;

    Fuzzer(List<SeedModel> seeds) {
      this.seeds = seeds;
      for (SeedModel s : seeds) {
        try {
          seedGraphs.put(s, Model.load(s.symbol(), s.params()).graph());
        } catch (ModelException e) {
          throw new AssertionError("seed model " + s.name() + " does not load: " + e.getMessage(), e);
        }
      }
    }

    void run(long seed, int n) {
      for (int i = 0; i < n; i++) {
        long caseSeed = seed + 0x9E3779B97F4A7C15L * (i + 1);
        runCase(caseSeed);
        cases++;
      }
    }

    void report(String what) {
      System.out.printf("FuzzTest %s: %d cases, %d loaded (%d with changed operators, %d with changed shapes),"
          + " %d ran, rules %s%n", what, cases, loaded, changedOps, changedShapes, executed, rules);
    }

    void assertNoFailures() {
      if (failureCount > 0) {
        fail(failureCount + " of " + cases + " fuzz cases threw something other than ModelException"
            + (failureCount > failures.size() ? " (first " + failures.size() + " shown)" : "") + ":\n\n"
            + String.join("\n\n", failures));
      }
    }

    private void runCase(long caseSeed) {
      Random rnd = new Random(caseSeed);
      SeedModel seed = seeds.get(rnd.nextInt(seeds.size()));
      Mutant m = new Mutant(seed.symbol(), seed.params());
      int mutations = 1 + rnd.nextInt(4);
      try {
        for (int k = 0; k < mutations; k++) {
          mutate(m, rnd);
        }
        if (m.needsRepair || rnd.nextInt(100) < 55) {
          repair(m, rnd);
        }
      } catch (RuntimeException e) {
        addFailure(caseSeed, seed, m, "mutating (a bug in this test)", e);
        return;
      }
      if (m.problem != null) {
        addFailure(caseSeed, seed, m, "operator called with the loader's arguments: " + m.problem, null);
        return;
      }
      check(caseSeed, seed, m, rnd);
    }

    private void check(long caseSeed, SeedModel seed, Mutant m, Random rnd) {
      String stage = "Model.load";
      try {
        Model model;
        try {
          model = Model.load(m.symbol, m.params);
        } catch (ModelException e) {
          rules.merge(e.rule(), 1, Integer::sum);
          return;
        }
        loaded++;
        Graph original = seedGraphs.get(seed);
        if (!ops(original).equals(ops(model.graph()))) {
          changedOps++;
        }
        if (!Arrays.equals(original.shapes(), model.graph().shapes())) {
          changedShapes++;
        }
        stage = "reload of the written model";
        Model again = Model.load(SymbolWriter.write(model.graph().symbol()), ParamsWriter.write(model.params()));
        assertArrayEquals(model.graph().precisions(), again.graph().precisions(), "reloaded precisions");
        assertArrayEquals(model.graph().storageIds(), again.graph().storageIds(), "reloaded storage ids");
        Graph g = model.graph();
        stage = "Gas.ops";
        long gas;
        try {
          gas = Gas.ops(g);
        } catch (ModelException e) {
          return;
        }
        if (storageElements(g) >= MAX_RUN_ELEMENTS || gas >= MAX_RUN_GAS) {
          return;
        }
        stage = "Executor.run";
        InferenceCodec codec = InferenceCodec.reference(g);
        try (Executor ex = new Executor(model, 1 + rnd.nextInt(2))) {
          int[] zeros = new int[g.inputShape().elements()];
          int[][] out = ex.run(zeros);
          encode(codec, out);
          int r = Precision.range(g.inputPrecision());
          int[] input = new int[zeros.length];
          for (int i = 0; i < input.length; i++) {
            int pick = rnd.nextInt(4);
            input[i] = pick == 0 ? r : pick == 1 ? -r : (int) (rnd.nextLong() % ((long) r + 1));
          }
          encode(codec, ex.run(input));
        }
        executed++;
      } catch (Throwable t) {
        addFailure(caseSeed, seed, m, stage, t);
      }
    }

    private static void encode(InferenceCodec codec, int[][] heads) {
      try {
        codec.encodeOutput(heads);
      } catch (ModelException e) {
        assertEquals(Rule.OUTPUT, e.rule(), e.getMessage());
      }
    }

    private void addFailure(long caseSeed, SeedModel seed, Mutant m, String stage, Throwable t) {
      failureCount++;
      if (failures.size() >= MAX_REPORTED_FAILURES) {
        return;
      }
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("case seed 0x%016X (model %s), mutations %s%n", caseSeed, seed.name(), m.log));
      sb.append("stage: ").append(stage).append('\n');
      if (t != null) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String[] lines = trace.toString().split("\n");
        sb.append(String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, 12)))).append('\n');
      }
      Path dir = Path.of("target", "fuzz-failures");
      String base = String.format("%016X", caseSeed);
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(base + ".symbol"), m.symbol, StandardCharsets.UTF_8);
        Files.write(dir.resolve(base + ".params"), m.params);
        sb.append("files: ").append(dir.toAbsolutePath().resolve(base)).append(".{symbol,params}\n");
      } catch (IOException e) {
        sb.append("(could not write the files: ").append(e).append(")\n");
      }
      sb.append("symbol: ").append(m.symbol.length() > 4000 ? m.symbol.substring(0, 4000) + "..." : m.symbol)
          .append('\n');
      byte[] p = m.params.length > 512 ? Arrays.copyOf(m.params, 512) : m.params;
      sb.append("params (").append(m.params.length).append(" bytes): ").append(HexFormat.of().formatHex(p))
          .append(m.params.length > 512 ? "..." : "");
      failures.add(sb.toString());
    }
  }

  private static List<Operator> ops(Graph g) {
    return g.nodes().stream().map(Node::op).toList();
  }

  private static long storageElements(Graph g) {
    Map<Integer, Long> pools = new TreeMap<>();
    for (int e = 0; e < g.entryCount(); e++) {
      pools.merge(g.storageIds()[e], g.shapes()[e].size(), Math::max);
    }
    return pools.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The files being mutated, and what was done to them. */
  private static final class Mutant {
    String symbol;
    byte[] params;
    final List<String> log = new ArrayList<>();
    /** Set by directed mutations: shapes downstream of the change must be re-inferred. */
    boolean needsRepair;
    /** A RuntimeException an operator threw when called as the loader calls it; a failure. */
    String problem;

    void problem(String p) {
      if (problem == null) {
        problem = p;
      }
    }

    Mutant(String symbol, byte[] params) {
      this.symbol = symbol;
      this.params = params;
    }
  }

  // ------------------------------------------------------------ mutations

  private static void mutate(Mutant m, Random rnd) {
    int kind = rnd.nextInt(100);
    if (kind < 8) {
      byte[] b = mutateBytes(m.symbol.getBytes(StandardCharsets.UTF_8), rnd, m.log, "symbol");
      m.symbol = new String(b, StandardCharsets.UTF_8);
    } else if (kind < 16) {
      m.params = mutateBytes(m.params, rnd, m.log, "params");
    } else if (kind < 24) {
      mutateParams(m, rnd);
    } else if (kind < 26) {
      mutateDeepNesting(m, rnd);
    } else {
      ObjectNode root = parse(m.symbol);
      if (root == null) {
        m.params = mutateBytes(m.params, rnd, m.log, "params");
        return;
      }
      mutateJson(root, rnd, m);
      m.symbol = write(root);
    }
  }

  private static ObjectNode parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n instanceof ObjectNode o ? o : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (IOException e) {
      throw new IllegalStateException("a tree the mapper read can be written", e);
    }
  }

  private static byte[] mutateBytes(byte[] in, Random rnd, List<String> log, String what) {
    int n = in.length;
    int at = n == 0 ? 0 : rnd.nextInt(n);
    switch (rnd.nextInt(8)) {
      case 0 -> {
        if (n == 0) {
          return new byte[] {(byte) rnd.nextInt(256)};
        }
        byte[] b = in.clone();
        int bit = rnd.nextInt(8);
        b[at] ^= (byte) (1 << bit);
        log.add(what + ": flip bit " + bit + " of byte " + at);
        return b;
      }
      case 1 -> {
        if (n == 0) {
          return in;
        }
        byte[] b = in.clone();
        byte[] interesting = {0, -1, 0x7F, (byte) 0x80, 1, '"', '[', '{', ',', '-', '9'};
        b[at] = interesting[rnd.nextInt(interesting.length)];
        log.add(what + ": set byte " + at + " to " + b[at]);
        return b;
      }
      case 2 -> {
        int len = 1 + rnd.nextInt(16);
        byte[] ins = new byte[len];
        rnd.nextBytes(ins);
        log.add(what + ": insert " + len + " random bytes at " + at);
        return splice(in, at, 0, ins);
      }
      case 3 -> {
        int len = Math.min(n - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 256));
        log.add(what + ": delete " + len + " bytes at " + at);
        return splice(in, at, len, new byte[0]);
      }
      case 4 -> {
        int len = Math.min(n - at, 1 + rnd.nextInt(64));
        log.add(what + ": duplicate " + len + " bytes at " + at);
        return splice(in, at, 0, Arrays.copyOfRange(in, at, at + len));
      }
      case 5 -> {
        log.add(what + ": truncate to " + at + " bytes");
        return Arrays.copyOf(in, at);
      }
      case 6 -> {
        // overwrite an aligned little-endian 64-bit word: lengths, counts, dims in params
        if (n < 8) {
          return in;
        }
        byte[] b = in.clone();
        int word = rnd.nextInt(n - 7);
        long[] values = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, (1L << 31) - 1, 1L << 32, 1L << 62};
        long v = values[rnd.nextInt(values.length)];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(word, v);
        log.add(what + ": word at " + word + " = " + v);
        return b;
      }
      default -> {
        int extra = 1 + rnd.nextInt(32);
        byte[] tail = new byte[extra];
        rnd.nextBytes(tail);
        log.add(what + ": append " + extra + " bytes");
        return splice(in, n, 0, tail);
      }
    }
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  /** Structured params changes: values at and past the precision edge, shapes, names, order. */
  private static void mutateParams(Mutant m, Random rnd) {
    List<ParamTensor> params;
    try {
      params = new ArrayList<>(ParamsReader.read(m.params));
    } catch (ModelException e) {
      m.params = mutateBytes(m.params, rnd, m.log, "params");
      return;
    }
    if (params.isEmpty()) {
      params.add(ParamTensor.of("data", 8, Shape.of(1), new int[] {1}));
      m.log.add("params: add 'data'");
      m.params = ParamsWriter.write(params);
      return;
    }
    int i = rnd.nextInt(params.size());
    ParamTensor t = params.get(i);
    switch (rnd.nextInt(6)) {
      case 0 -> {
        int[] v = t.values().clone();
        if (v.length > 0) {
          int k = rnd.nextInt(v.length);
          int[] hostile = {Integer.MIN_VALUE, Integer.MAX_VALUE, -128, 127, 128, -129, 1 << 30, 0};
          v[k] = t.bits() == 8 ? (byte) hostile[rnd.nextInt(hostile.length)] : hostile[rnd.nextInt(hostile.length)];
          params.set(i, new ParamTensor(t.name(), t.bits(), t.shape(), v, t.deviceType(), t.deviceId()));
          m.log.add("params: " + t.name() + "[" + k + "] = " + v[k]);
        }
      }
      case 1 -> {
        int[] dims = t.shape().dims();
        int[] changed = dims.length == 0 ? new int[] {1} : Arrays.copyOf(dims, dims.length + (rnd.nextBoolean() ? 0 : 1));
        if (dims.length > 0 && changed.length == dims.length) {
          changed[rnd.nextInt(changed.length)] = rnd.nextInt(4);
        } else if (changed.length > dims.length) {
          changed[changed.length - 1] = 1;
        }
        Shape s = Shape.of(changed);
        params.set(i, new ParamTensor(t.name(), t.bits(), s, new int[s.elements()], t.deviceType(), t.deviceId()));
        m.log.add("params: " + t.name() + " shape " + s);
      }
      case 2 -> {
        params.remove(i);
        m.log.add("params: remove " + t.name());
      }
      case 3 -> {
        String[] names = {"data", "conv2d_0", "", t.name() + "x", params.get(rnd.nextInt(params.size())).name()};
        String name = names[rnd.nextInt(names.length)];
        params.set(i, new ParamTensor(name, t.bits(), t.shape(), t.values(), t.deviceType(), t.deviceId()));
        m.log.add("params: rename " + t.name() + " to '" + name + "'");
      }
      case 4 -> {
        params.add(rnd.nextInt(params.size() + 1), t);
        m.log.add("params: duplicate " + t.name());
      }
      default -> {
        int bits = t.bits() == 8 ? 32 : 8;
        int[] v = t.values().clone();
        if (bits == 8) {
          for (int k = 0; k < v.length; k++) {
            v[k] = (byte) v[k];
          }
        }
        params.set(i, new ParamTensor(t.name(), bits, t.shape(), v, t.deviceType(), t.deviceId()));
        m.log.add("params: " + t.name() + " as int" + bits);
      }
    }
    m.params = ParamsWriter.write(params);
  }

  private static void mutateDeepNesting(Mutant m, Random rnd) {
    int[] depths = {900, 999, 1000, 1001, 3000, 100_000};
    int depth = depths[rnd.nextInt(depths.length)];
    String deep = "[".repeat(depth) + "]".repeat(depth);
    Matcher empty = Pattern.compile("\\[\\s*\\]").matcher(m.symbol);
    if (rnd.nextBoolean()) {
      if (!empty.find()) {
        return;
      }
      m.symbol = m.symbol.substring(0, empty.start()) + deep + m.symbol.substring(empty.end());
      m.log.add("symbol: first [] nested " + depth + " deep");
    } else {
      // inside a string: an op_attrs value that is deeply nested JSON
      String quoted = "\"" + deep + "\"";
      int q = m.symbol.indexOf("\"{");
      if (q < 0) {
        return;
      }
      int end = m.symbol.indexOf("}\"", q);
      if (end < 0) {
        return;
      }
      m.symbol = m.symbol.substring(0, q) + quoted + m.symbol.substring(end + 2);
      m.log.add("symbol: first op_attrs string nested " + depth + " deep");
    }
  }

  /** One slot of the JSON tree: a field of an object or an element of an array. */
  private record Slot(JsonNode parent, String key, int index) {
    JsonNode get() {
      return key != null ? parent.get(key) : parent.get(index);
    }

    void set(JsonNode v) {
      if (key != null) {
        ((ObjectNode) parent).set(key, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }

    void remove() {
      if (key != null) {
        ((ObjectNode) parent).remove(key);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }

    String path() {
      return key != null ? "." + key : "[" + index + "]";
    }
  }

  private static void collect(JsonNode n, List<Slot> out) {
    if (n.isObject()) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        out.add(new Slot(n, k, -1));
        collect(n.get(k), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(new Slot(n, null, i));
        collect(n.get(i), out);
      }
    }
  }

  private static <T> T pick(List<T> list, Random rnd) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static ArrayNode payload(ObjectNode root, String key) {
    JsonNode attrs = root.get("attrs");
    JsonNode v = attrs == null ? null : attrs.get(key);
    return v != null && v.isArray() && v.size() == 2 && v.get(1).isArray() ? (ArrayNode) v.get(1) : null;
  }

  private static ArrayNode nodes(ObjectNode root) {
    JsonNode n = root.get("nodes");
    return n != null && n.isArray() && n.size() > 0 ? (ArrayNode) n : null;
  }

  private static void mutateJson(ObjectNode root, Random rnd, Mutant m) {
    List<String> log = m.log;
    switch (rnd.nextInt(22)) {
      case 16, 17, 18 -> mutateOpAttrsValid(root, rnd, m);
      case 19, 20 -> mutateOpSwapValid(root, rnd, m);
      case 21 -> mutateInputShape(root, rnd, m);
      case 0, 1 -> mutateFuncName(root, rnd, log);
      case 2, 3, 4 -> mutateOpAttrs(root, rnd, log);
      case 5 -> mutateStorage(root, rnd, log);
      case 6, 7 -> mutateShape(root, rnd, log);
      case 8 -> mutatePrecision(root, rnd, log);
      case 9 -> mutateInputs(root, rnd, log);
      case 10 -> mutateTopLevel(root, rnd, log);
      default -> mutateAnything(root, rnd, log);
    }
  }

  private static void mutateFuncName(ObjectNode root, Random rnd, List<String> log) {
    ArrayNode nodes = nodes(root);
    if (nodes == null) {
      return;
    }
    int i = rnd.nextInt(nodes.size());
    JsonNode attrs = nodes.get(i).get("attrs");
    if (attrs instanceof ObjectNode a) {
      String name = pick(FUNC_NAMES, rnd);
      a.put("func_name", name);
      log.add("nodes[" + i + "].func_name = " + name);
    }
  }

  private static void mutateOpAttrs(ObjectNode root, Random rnd, List<String> log) {
    ArrayNode list = payload(root, "op_attrs");
    if (list == null || list.size() == 0) {
      return;
    }
    int i = rnd.nextInt(list.size());
    ObjectNode attrs = list.get(i).isTextual() ? parse(list.get(i).asText()) : null;
    if (attrs == null || rnd.nextInt(10) == 0) {
      String[] junk = {"", "{}", "[]", "null", "{\"a\": 1}", "{\"channels\": \"2\", \"channels\": \"3\"}", "{",
          "\"x\""};
      String j = junk[rnd.nextInt(junk.length)];
      list.set(i, TextNode.valueOf(j));
      log.add("op_attrs[" + i + "] = " + j);
      return;
    }
    List<String> keys = new ArrayList<>();
    attrs.fieldNames().forEachRemaining(keys::add);
    int action = rnd.nextInt(10);
    if (action == 0 && !keys.isEmpty()) {
      String k = pick(keys, rnd);
      attrs.remove(k);
      log.add("op_attrs[" + i + "] remove " + k);
    } else {
      String k = action < 6 && !keys.isEmpty() ? pick(keys, rnd) : pick(ATTR_KEYS, rnd);
      String v = rnd.nextInt(3) == 0 ? randomTuple(rnd) : pick(ATTR_VALUES, rnd);
      attrs.put(k, v);
      log.add("op_attrs[" + i + "]." + k + " = " + v);
    }
    list.set(i, TextNode.valueOf(attrs.toString()));
  }

  private static String randomTuple(Random rnd) {
    int n = rnd.nextInt(8);
    int[] pool = {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 4096, 1 << 24, Integer.MAX_VALUE, Integer.MIN_VALUE};
    StringBuilder sb = new StringBuilder("(");
    for (int k = 0; k < n; k++) {
      sb.append(k == 0 ? "" : ", ").append(pool[rnd.nextInt(pool.length)]);
    }
    return sb.append(n == 1 ? ",)" : ")").toString();
  }

  private static void mutateStorage(ObjectNode root, Random rnd, List<String> log) {
    ArrayNode sid = payload(root, "storage_id");
    if (sid == null || sid.size() == 0) {
      return;
    }
    int e = rnd.nextInt(sid.size());
    JsonNode v = rnd.nextInt(4) == 0 ? pick(NUMBERS, rnd) : sid.get(rnd.nextInt(sid.size()));
    sid.set(e, v);
    log.add("storage_id[" + e + "] = " + v);
  }

  private static void mutateShape(ObjectNode root, Random rnd, List<String> log) {
    ArrayNode shapes = payload(root, "shape");
    if (shapes == null || shapes.size() == 0) {
      return;
    }
    int e = rnd.nextInt(shapes.size());
    JsonNode s = shapes.get(e);
    switch (rnd.nextInt(4)) {
      case 0 -> {
        JsonNode other = shapes.get(rnd.nextInt(shapes.size())).deepCopy();
        shapes.set(e, other);
        log.add("shape[" + e + "] = " + other);
      }
      case 1 -> {
        if (s.isArray()) {
          ((ArrayNode) s).add(rnd.nextInt(3) + 1);
          log.add("shape[" + e + "] add a dim: " + s);
        }
      }
      case 2 -> {
        if (s.isArray() && s.size() > 0) {
          ((ArrayNode) s).remove(rnd.nextInt(s.size()));
          log.add("shape[" + e + "] remove a dim: " + s);
        }
      }
      default -> {
        if (s.isArray() && s.size() > 0) {
          int d = rnd.nextInt(s.size());
          int[] dims = {0, 1, 2, 3, 5, 8, 64, 4096, 1 << 24, (1 << 24) + 1, -1};
          ((ArrayNode) s).set(d, F.numberNode(rnd.nextBoolean() ? dims[rnd.nextInt(dims.length)]
              : Math.max(1, s.get(d).asInt() + rnd.nextInt(5) - 2)));
          log.add("shape[" + e + "][" + d + "] changed: " + s);
        }
      }
    }
  }

  private static void mutatePrecision(ObjectNode root, Random rnd, List<String> log) {
    ArrayNode p = payload(root, "precision");
    if (p == null || p.size() == 0) {
      return;
    }
    int e = rnd.nextInt(p.size());
    int[] values = {-2, -1, 0, 1, 2, 4, 6, 8, 9, 16, 24, 30, 31, 32, 33};
    int v = values[rnd.nextInt(values.length)];
    p.set(e, F.numberNode(v));
    log.add("precision[" + e + "] = " + v);
  }

  private static void mutateInputs(ObjectNode root, Random rnd, List<String> log) {
    ArrayNode nodes = nodes(root);
    if (nodes == null) {
      return;
    }
    int i = rnd.nextInt(nodes.size());
    JsonNode inputs = nodes.get(i).get("inputs");
    if (!(inputs instanceof ArrayNode in)) {
      return;
    }
    int target = rnd.nextInt(Math.max(1, i + (rnd.nextInt(4) == 0 ? 2 : 0)));
    ArrayNode ref = F.arrayNode().add(target).add(rnd.nextInt(8) == 0 ? 1 : 0).add(0);
    switch (rnd.nextInt(3)) {
      case 0 -> {
        in.add(ref);
        log.add("nodes[" + i + "].inputs add " + ref);
      }
      case 1 -> {
        if (in.size() > 0) {
          in.remove(rnd.nextInt(in.size()));
          log.add("nodes[" + i + "].inputs remove one");
        }
      }
      default -> {
        if (in.size() > 0) {
          int k = rnd.nextInt(in.size());
          in.set(k, ref);
          log.add("nodes[" + i + "].inputs[" + k + "] = " + ref);
        }
      }
    }
  }

  private static void mutateTopLevel(ObjectNode root, Random rnd, List<String> log) {
    switch (rnd.nextInt(6)) {
      case 0 -> {
        String[] v = {"cvm_1.0.0", "cvm_1.1.0", "cvm_2.0.0", ""};
        String s = v[rnd.nextInt(v.length)];
        root.put("version", s);
        log.add("version = " + s);
      }
      case 1 -> {
        String[] v = {"", "argmax", "detection", "softmax"};
        String s = v[rnd.nextInt(v.length)];
        root.put("postprocess", s);
        log.add("postprocess = " + s);
      }
      case 2 -> {
        String k = rnd.nextBoolean() ? "node_row_ptr" : "arg_nodes";
        root.remove(k);
        log.add("remove " + k);
      }
      case 3 -> {
        ArrayNode nodes = nodes(root);
        int n = nodes == null ? 1 : nodes.size();
        ArrayNode head = F.arrayNode().add(rnd.nextInt(n + 1)).add(rnd.nextInt(4) == 0 ? 1 : 0).add(0);
        JsonNode heads = root.get("heads");
        if (heads instanceof ArrayNode h) {
          if (rnd.nextBoolean() && h.size() > 0) {
            h.set(rnd.nextInt(h.size()), head);
          } else {
            h.add(head);
          }
          log.add("heads: " + head);
        }
      }
      case 4 -> {
        ArrayNode nodes = nodes(root);
        if (nodes != null) {
          int i = rnd.nextInt(nodes.size());
          String[] ops = {"null", "cvm_op", "tvm_op"};
          String op = ops[rnd.nextInt(ops.length)];
          if (nodes.get(i) instanceof ObjectNode node) {
            node.put("op", op);
            log.add("nodes[" + i + "].op = " + op);
          }
        }
      }
      default -> {
        ArrayNode nodes = nodes(root);
        if (nodes != null) {
          int i = rnd.nextInt(nodes.size());
          String[] names = {"data", "w", "x", ""};
          String name = names[rnd.nextInt(names.length)];
          if (nodes.get(i) instanceof ObjectNode node) {
            node.put("name", name);
            log.add("nodes[" + i + "].name = " + name);
          }
        }
      }
    }
  }

  /** Type-blind changes anywhere in the tree. */
  private static void mutateAnything(ObjectNode root, Random rnd, List<String> log) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return;
    }
    Slot s = pick(slots, rnd);
    JsonNode v = s.get();
    switch (rnd.nextInt(7)) {
      case 0 -> {
        JsonNode n = pick(NUMBERS, rnd);
        if (v.isNumber() || rnd.nextInt(4) == 0) {
          s.set(n);
          log.add("value" + s.path() + " = " + n);
        }
      }
      case 1 -> {
        if (v.isTextual()) {
          JsonNode other = pick(slots, rnd).get();
          String t = other.isTextual() && rnd.nextBoolean() ? other.asText() : pick(STRINGS, rnd);
          s.set(TextNode.valueOf(t));
          log.add("string" + s.path() + " = " + (t.length() > 40 ? t.substring(0, 40) + "..." : t));
        }
      }
      case 2 -> {
        s.remove();
        log.add("remove" + s.path());
      }
      case 3 -> {
        if (v.isArray() && v.size() > 0) {
          ArrayNode a = (ArrayNode) v;
          int k = rnd.nextInt(a.size());
          a.insert(rnd.nextInt(a.size() + 1), a.get(k).deepCopy());
          log.add("duplicate element " + k + " of" + s.path());
        }
      }
      case 4 -> {
        if (v.isArray() && v.size() > 1) {
          ArrayNode a = (ArrayNode) v;
          int x = rnd.nextInt(a.size());
          int y = rnd.nextInt(a.size());
          JsonNode t = a.get(x);
          a.set(x, a.get(y));
          a.set(y, t);
          log.add("swap elements " + x + " and " + y + " of" + s.path());
        }
      }
      case 5 -> {
        JsonNode[] others = {F.nullNode(), F.objectNode(), F.arrayNode(), F.booleanNode(true), TextNode.valueOf("1"),
            F.arrayNode().add(F.arrayNode())};
        JsonNode o = others[rnd.nextInt(others.length)];
        s.set(o);
        log.add("value" + s.path() + " = " + o);
      }
      default -> {
        if (v.isObject()) {
          String k = pick(List.of("control_deps", "attr", "param", "subgraphs", "precision", "name", "x"), rnd);
          ((ObjectNode) v).put(k, rnd.nextBoolean() ? "1" : "");
          log.add("add key " + k + " to" + s.path());
        }
      }
    }
  }

  // ------------------------------------------------------------ directed mutations and repair

  /** What the operators make of a symbol tree: the bound operator of each node and the entry offsets. */
  private record Analysis(ArrayNode nodes, ArrayNode opAttrs, Operator[] ops, int[] first) {
    int entries() {
      return first[first.length - 1];
    }

    /** The declared input shapes of op node i, when its inputs resolve and pass the loader's limits. */
    Shape[] inputShapes(ArrayNode shapes, int i) {
      JsonNode inputs = nodes.get(i).get("inputs");
      if (inputs == null || !inputs.isArray()) {
        return null;
      }
      Shape[] in = new Shape[inputs.size()];
      for (int k = 0; k < in.length; k++) {
        JsonNode ref = inputs.get(k);
        int nid = ref.path(0).asInt(-1);
        int idx = ref.path(1).asInt(-1);
        if (nid < 0 || nid >= i || idx < 0 || idx >= first[nid + 1] - first[nid]) {
          return null;
        }
        in[k] = shapeOf(shapes.get(first[nid] + idx));
        if (in[k] == null) {
          return null;
        }
      }
      return in;
    }
  }

  /**
   * Binds every operator node as the loader would. A RuntimeException from an operator's parser is an
   * operator bug: it is recorded on the mutant, since the loader makes the same call.
   */
  private static Analysis analyze(ObjectNode root, Mutant m) {
    ArrayNode nodes = root == null ? null : nodes(root);
    ArrayNode opAttrs = root == null ? null : payload(root, "op_attrs");
    if (nodes == null || opAttrs == null || opAttrs.size() != nodes.size()) {
      return null;
    }
    int n = nodes.size();
    Operator[] ops = new Operator[n];
    int[] first = new int[n + 1];
    for (int i = 0; i < n; i++) {
      JsonNode node = nodes.get(i);
      first[i + 1] = first[i] + 1;
      if (!node.isObject() || "null".equals(node.path("op").asText(null))) {
        continue;
      }
      String func = stripSuffix(node.path("attrs").path("func_name").asText(""));
      Map<String, String> attrs = stringMap(opAttrs.get(i));
      ops[i] = attrs == null ? null : bind(func, attrs, m);
      if (ops[i] != null) {
        first[i + 1] = first[i] + ops[i].numOutputs();
      }
    }
    return new Analysis(nodes, opAttrs, ops, first);
  }

  /** The operator, or null when the loader rejects it with a ModelException (or it threw: see problem). */
  private static Operator bind(String func, Map<String, String> attrs, Mutant m) {
    Operators.Parser parser = Operators.lookup(func).orElse(null);
    if (parser == null) {
      return null;
    }
    try {
      return parser.parse(new OpAttrs(attrs));
    } catch (OpException e) {
      return null;
    } catch (RuntimeException e) {
      m.problem(func + ".parse(" + attrs + ") threw " + e);
      return null;
    }
  }

  /** Output shapes the loader would accept, or null; a RuntimeException is recorded on the mutant. */
  private static Shape[] infer(Operator op, Shape[] in, Mutant m) {
    if (in == null || in.length != op.numInputs()) {
      return null;
    }
    Shape[] out;
    try {
      out = op.inferShapes(in);
    } catch (OpException e) {
      return null;
    } catch (RuntimeException e) {
      m.problem(op + ".inferShapes(" + Arrays.toString(in) + ") threw " + e);
      return null;
    }
    if (out == null || out.length != op.numOutputs()) {
      m.problem(op + ".inferShapes(" + Arrays.toString(in) + ") returned "
          + (out == null ? "null" : out.length + " shapes for " + op.numOutputs() + " outputs"));
      return null;
    }
    for (Shape s : out) {
      if (s == null || !withinLimits(s)) {
        return null;
      }
    }
    return out;
  }

  private static ArrayNode dims(Shape s) {
    ArrayNode a = F.arrayNode();
    for (int d : s.dims()) {
      a.add(d);
    }
    return a;
  }

  /**
   * Changes one attribute of one operator to a value its operator accepts for the node's current input
   * shapes (trying random values until one does), so that the change survives to execution.
   */
  private static void mutateOpAttrsValid(ObjectNode root, Random rnd, Mutant m) {
    OpSite site = randomOpSite(root, rnd, m);
    Map<String, String> attrs = site == null ? null : stringMap(site.a().opAttrs().get(site.i()));
    if (attrs == null) {
      return;
    }
    Analysis a = site.a();
    int i = site.i();
    Shape[] in = site.in();
    for (int attempt = 0; attempt < 40; attempt++) {
      Map<String, String> changed = new LinkedHashMap<>(attrs);
      for (int k = 1 + rnd.nextInt(2); k > 0; k--) {
        List<String> keys = new ArrayList<>(changed.keySet());
        String key = !keys.isEmpty() && rnd.nextInt(3) > 0 ? pick(keys, rnd) : pick(ATTR_KEYS, rnd);
        int how = rnd.nextInt(4);
        String value = how == 0 ? pick(ATTR_VALUES, rnd) : how == 1 ? randomTuple(rnd)
            : Integer.toString(rnd.nextInt(19) - 9);
        changed.put(key, value);
      }
      Operator op = bind(a.ops()[i].name(), changed, m);
      if (op == null || op.numOutputs() != a.ops()[i].numOutputs() || infer(op, in, m) == null) {
        continue;
      }
      a.opAttrs().set(i, TextNode.valueOf(write(JSON.valueToTree(changed))));
      m.log.add("op_attrs[" + i + "] (" + a.ops()[i].name() + ") = " + changed);
      m.needsRepair = true;
      return;
    }
  }

  /** Replaces one operator by another that accepts the node's inputs, with empty or random attributes. */
  private static void mutateOpSwapValid(ObjectNode root, Random rnd, Mutant m) {
    OpSite site = randomOpSite(root, rnd, m);
    if (site == null) {
      return;
    }
    Analysis a = site.a();
    int i = site.i();
    Shape[] in = site.in();
    List<String> names = new ArrayList<>(Operators.names());
    for (int attempt = 0; attempt < 40; attempt++) {
      String func = pick(names, rnd);
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int k = attempt < 10 ? 0 : 1 + rnd.nextInt(3); k > 0; k--) {
        int how = rnd.nextInt(3);
        attrs.put(pick(ATTR_KEYS, rnd), how == 0 ? pick(ATTR_VALUES, rnd) : how == 1 ? randomTuple(rnd)
            : Integer.toString(rnd.nextInt(9) - 2));
      }
      Operator op = bind(func, attrs, m);
      if (op == null || op.numOutputs() != a.ops()[i].numOutputs() || infer(op, in, m) == null) {
        continue;
      }
      ((ObjectNode) a.nodes().get(i).get("attrs")).put("func_name", func);
      a.opAttrs().set(i, TextNode.valueOf(write(JSON.valueToTree(attrs))));
      m.log.add("nodes[" + i + "] " + a.ops()[i].name() + " -> " + func + " " + attrs);
      m.needsRepair = true;
      return;
    }
  }

  /** Gives the input a new shape (same rank or one more or less); repair then propagates it. */
  private static void mutateInputShape(ObjectNode root, Random rnd, Mutant m) {
    ArrayNode nodes = nodes(root);
    ArrayNode shapes = payload(root, "shape");
    JsonNode rowPtr = root.get("node_row_ptr");
    if (nodes == null || shapes == null || rowPtr == null) {
      return;
    }
    for (int i = 0; i < nodes.size(); i++) {
      if ("data".equals(nodes.get(i).path("name").asText(null)) && rowPtr.path(i).isInt()) {
        int e = rowPtr.get(i).asInt();
        Shape s = e >= 0 && e < shapes.size() ? shapeOf(shapes.get(e)) : null;
        if (s == null) {
          return;
        }
        int rank = Math.max(1, Math.min(6, s.ndim() + rnd.nextInt(3) - 1));
        int[] d = new int[rank];
        for (int k = 0; k < rank; k++) {
          d[k] = k < s.ndim() && rnd.nextBoolean() ? s.dim(k) : 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 40 : 8);
        }
        shapes.set(e, dims(Shape.of(d)));
        m.log.add("data shape " + s + " -> " + Shape.of(d));
        m.needsRepair = true;
        return;
      }
    }
  }

  /** An operator node chosen at random, with its input shapes; null when the graph cannot be analysed. */
  private record OpSite(Analysis a, int i, Shape[] in) {}

  private static OpSite randomOpSite(ObjectNode root, Random rnd, Mutant m) {
    Analysis a = analyze(root, m);
    ArrayNode shapes = payload(root, "shape");
    if (a == null || shapes == null || shapes.size() != a.entries()) {
      return null;
    }
    int i = randomOpNode(a, rnd);
    Shape[] in = i < 0 ? null : a.inputShapes(shapes, i);
    return in == null ? null : new OpSite(a, i, in);
  }

  private static int randomOpNode(Analysis a, Random rnd) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < a.ops().length; i++) {
      if (a.ops()[i] != null && a.nodes().get(i).get("attrs") instanceof ObjectNode) {
        ids.add(i);
      }
    }
    return ids.isEmpty() ? -1 : pick(ids, rnd);
  }

  /**
   * Makes a mutated symbol consistent again where it can, so that mutations reach the inference rules and
   * the executor instead of stopping at the first list-length check: recomputes node_row_ptr and
   * arg_nodes, re-infers every operator's output shapes in node order with the operators' own rules, and
   * writes params of the declared shapes and precisions (random values in range) for every variable.
   * Operator calls made here are the loader's calls with the same arguments, so a RuntimeException from
   * one is recorded as a failure.
   */
  private static void repair(Mutant m, Random rnd) {
    ObjectNode root = parse(m.symbol);
    Analysis a = analyze(root, m);
    if (a == null) {
      return;
    }
    m.log.add("repair");
    ArrayNode rowPtr = F.arrayNode();
    ArrayNode args = F.arrayNode();
    for (int i = 0; i < a.ops().length; i++) {
      rowPtr.add(a.first()[i]);
      if ("null".equals(a.nodes().get(i).path("op").asText(null))) {
        args.add(i);
      }
    }
    rowPtr.add(a.entries());
    root.set("node_row_ptr", rowPtr);
    root.set("arg_nodes", args);
    ArrayNode shapes = payload(root, "shape");
    ArrayNode precisions = payload(root, "precision");
    if (shapes == null || shapes.size() != a.entries()) {
      m.symbol = write(root);
      return;
    }
    for (int i = 0; i < a.ops().length; i++) {
      Shape[] out = a.ops()[i] == null ? null : infer(a.ops()[i], a.inputShapes(shapes, i), m);
      for (int o = 0; out != null && o < out.length; o++) {
        shapes.set(a.first()[i] + o, dims(out[o]));
      }
    }
    m.symbol = write(root);
    // params for every variable but data, of the declared shape and precision
    List<ParamTensor> params = new ArrayList<>();
    for (int i = 0; i < a.ops().length; i++) {
      JsonNode node = a.nodes().get(i);
      if (!node.isObject() || !"null".equals(node.path("op").asText(null)) || !node.path("name").isTextual()
          || "data".equals(node.get("name").asText())) {
        continue;
      }
      int e = a.first()[i];
      Shape s = shapeOf(shapes.get(e));
      int p = precisions != null && e < precisions.size() ? precisions.get(e).asInt(0) : 0;
      if (s == null || s.size() > 1 << 20 || p < 1 || p > 32) {
        continue;
      }
      int r = Precision.range(p);
      int[] v = new int[s.elements()];
      for (int k = 0; k < v.length; k++) {
        int pickOne = rnd.nextInt(8);
        v[k] = pickOne == 0 ? r : pickOne == 1 ? -r : (int) (rnd.nextLong() % ((long) r + 1));
      }
      params.add(ParamTensor.of(node.get("name").asText(), p <= 8 ? 8 : 32, s, v));
    }
    m.params = ParamsWriter.write(params);
  }

  private static Map<String, String> stringMap(JsonNode text) {
    ObjectNode o = text != null && text.isTextual() ? parse(text.asText()) : null;
    if (o == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        return null;
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** As GraphLoader (and the reference's GetOpName): skip trailing ASCII digits, cut at a '_' before them. */
  private static String stripSuffix(String func) {
    int i = func.length() - 1;
    while (i >= 0 && func.charAt(i) >= '0' && func.charAt(i) <= '9') {
      i--;
    }
    return i >= 0 && func.charAt(i) == '_' ? func.substring(0, i) : func;
  }


  /** A declared shape that passes the loader's rule 5, or null. */
  private static Shape shapeOf(JsonNode n) {
    if (n == null || !n.isArray()) {
      return null;
    }
    int[] dims = new int[n.size()];
    for (int d = 0; d < dims.length; d++) {
      if (!n.get(d).isInt()) {
        return null;
      }
      dims[d] = n.get(d).intValue();
    }
    Shape s = Shape.of(dims);
    return withinLimits(s) ? s : null;
  }

  private static boolean withinLimits(Shape s) {
    if (s.ndim() < 1 || s.ndim() > 6) {
      return false;
    }
    long elements = 1;
    for (int d = 0; d < s.ndim(); d++) {
      if (s.dim(d) < 1 || s.dim(d) > 1 << 24) {
        return false;
      }
      elements *= s.dim(d);
      if (elements > 1L << 30) {
        return false;
      }
    }
    return true;
  }
}
