package org.cvmj.mrt.mxnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraph;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FNode;
import org.junit.jupiter.api.Test;

class MxSymbolReaderTest {

  /** An MXNet 0.x-era file: op params under "param", hints under "attr", 2-number entries, no node_row_ptr. */
  private static final String LEGACY = String.join("\n",
      "{",
      "  \"nodes\": [",
      "    {",
      "      \"op\": \"null\", ",
      "      \"param\": {}, ",
      "      \"name\": \"data\", ",
      "      \"inputs\": [], ",
      "      \"backward_source_id\": -1",
      "    }, ",
      "    {",
      "      \"op\": \"null\", ",
      "      \"param\": {}, ",
      "      \"name\": \"fc1_weight\", ",
      "      \"inputs\": [], ",
      "      \"backward_source_id\": -1, ",
      "      \"attr\": {\"__lr_mult__\": \"2.0\"}",
      "    }, ",
      "    {",
      "      \"op\": \"FullyConnected\", ",
      "      \"param\": {",
      "        \"no_bias\": \"True\", ",
      "        \"num_hidden\": \"10\"",
      "      }, ",
      "      \"name\": \"fc1\", ",
      "      \"inputs\": [[0, 0], [1, 0]], ",
      "      \"backward_source_id\": -1",
      "    }, ",
      "    {",
      "      \"op\": \"Activation\", ",
      "      \"attr\": {\"ctx_group\": \"dev1\"}, ",
      "      \"param\": {\"act_type\": \"relu\"}, ",
      "      \"name\": \"relu1\", ",
      "      \"inputs\": [[2, 0]], ",
      "      \"backward_source_id\": -1",
      "    }",
      "  ], ",
      "  \"arg_nodes\": [0, 1], ",
      "  \"heads\": [[3, 0]]",
      "}");

  @Test
  void legacyMxnetFileReadsToTheExpectedGraph() {
    FGraphBuilder b = new FGraphBuilder();
    Entry data = b.variable("data");
    Entry w = b.add(new FNode("null", "fc1_weight", Map.of("__lr_mult__", "2.0"), List.of()));
    Entry fc = b.op("FullyConnected", "fc1", Map.of("no_bias", "True", "num_hidden", "10"), data, w);
    Entry relu = b.op("Activation", "relu1", Map.of("act_type", "relu", "ctx_group", "dev1"), fc);
    assertEquals(b.build(List.of(relu)), MxSymbolReader.parse(LEGACY, "legacy.json"));
  }

  /** An MXNet 1.x file as Gluon export writes it: attrs, 3-number entries, node_row_ptr, version attrs. */
  @Test
  void mxnet1FileWithBatchNormReads() {
    String json = String.join("\n",
        "{",
        "  \"nodes\": [",
        "    {\"op\": \"null\", \"name\": \"data\", \"inputs\": []}, ",
        "    {\"op\": \"null\", \"name\": \"g\", \"attrs\": {\"__init__\": \"ones\"}, \"inputs\": []}, ",
        "    {\"op\": \"null\", \"name\": \"b\", \"inputs\": []}, ",
        "    {\"op\": \"null\", \"name\": \"m\", \"inputs\": []}, ",
        "    {\"op\": \"null\", \"name\": \"v\", \"inputs\": []}, ",
        "    {\"op\": \"BatchNorm\", \"name\": \"bn\", \"attrs\": {\"eps\": \"0.001\"}, ",
        "     \"inputs\": [[0, 0, 0], [1, 0, 0], [2, 0, 0], [3, 0, 1], [4, 0, 1]]}",
        "  ], ",
        "  \"arg_nodes\": [0, 1, 2, 3, 4], ",
        "  \"node_row_ptr\": [0, 1, 2, 3, 4, 5, 8], ",
        "  \"heads\": [[5, 0, 0]], ",
        "  \"attrs\": {\"mxnet_version\": [\"int\", 10901]}",
        "}");
    FGraph g = MxSymbolReader.parse(json, "bn.json");
    assertEquals(6, g.size());
    assertEquals(new FNode("BatchNorm", "bn", Map.of("eps", "0.001"),
        List.of(Entry.of(0), Entry.of(1), Entry.of(2), Entry.of(3), Entry.of(4))), g.node(5));
    assertEquals(Map.of("__init__", "ones"), g.node(1).attrs());
    assertEquals(List.of(Entry.of(5)), g.heads());
  }

  private static final String BASE_NODES =
      "{\"op\": \"null\", \"name\": \"x\", \"inputs\": []}, "
      + "{\"op\": \"null\", \"name\": \"w\", \"inputs\": []}, "
      + "{\"op\": \"FullyConnected\", \"name\": \"fc\", \"attrs\": {\"num_hidden\": \"2\"}, "
      + "\"inputs\": [[0, 0, 0], [1, 0, 0]]}";

  private static String doc(String nodes, String rest) {
    return "{\"nodes\": [" + nodes + "], " + rest + "}";
  }

  private static final String OK_REST = "\"arg_nodes\": [0, 1], \"heads\": [[2, 0, 0]]";

  private static void rejects(String json, String... parts) {
    MrtException e = assertThrows(MrtException.class, () -> MxSymbolReader.parse(json, "bad.json"));
    assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void theBaseDocumentIsValid() {
    assertEquals(3, MxSymbolReader.parse(doc(BASE_NODES, OK_REST), "ok.json").size());
  }

  @Test
  void rejectsNonJsonAndWrongTopLevel() {
    rejects("{\"nodes\": [", "not valid JSON", "line 1");
    rejects("[1, 2]", "(top level)", "must be a JSON object");
    rejects(doc(BASE_NODES, OK_REST) + " trailing", "not valid JSON");
    rejects("{\"nodes\": [], \"nodes\": [], \"arg_nodes\": [], \"heads\": []}", "not valid JSON", "nodes");
    rejects(doc(BASE_NODES, OK_REST + ", \"extra\": 1"), "extra", "unknown key");
  }

  @Test
  void rejectsMissingKeysAndWrongTypes() {
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 1]"), "heads", "missing");
    rejects(doc(BASE_NODES, "\"heads\": [[2, 0, 0]]"), "arg_nodes", "missing");
    rejects("{\"nodes\": {}, " + OK_REST + "}", "nodes", "must be an array");
    rejects(doc("{\"op\": \"null\", \"inputs\": []}", OK_REST), "nodes[0].name", "missing");
    rejects(doc("{\"op\": 3, \"name\": \"x\", \"inputs\": []}", OK_REST), "nodes[0].op", "must be a string");
    rejects(doc(BASE_NODES.replace("\"num_hidden\": \"2\"", "\"num_hidden\": 2"), OK_REST),
        "nodes[2].attrs.num_hidden", "node 2 'fc'", "must be a string");
    rejects(doc(BASE_NODES.replace("\"name\": \"fc\",", "\"name\": \"fc\", \"colour\": \"red\","), OK_REST),
        "nodes[2].colour", "node 2 'fc'", "unknown key");
    rejects(doc(BASE_NODES.replace("[[0, 0, 0], [1, 0, 0]]", "[[0, 0, 0], [1]]"), OK_REST),
        "nodes[2].inputs[1]", "[node, index]");
    rejects(doc(BASE_NODES.replace("[[0, 0, 0], [1, 0, 0]]", "[[0, 0, 0], [1, -1, 0]]"), OK_REST),
        "nodes[2].inputs[1][1]", "non-negative");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, \"1\"], \"heads\": [[2, 0, 0]]"), "arg_nodes[1]");
  }

  @Test
  void rejectsBadReferences() {
    rejects(doc(BASE_NODES.replace("[[0, 0, 0], [1, 0, 0]]", "[[0, 0, 0], [5, 0, 0]]"), OK_REST),
        "nodes[2].inputs[1][0]", "node 2 'fc'", "refers to node 5");
    rejects(doc(BASE_NODES.replace("[[0, 0, 0], [1, 0, 0]]", "[[0, 0, 0], [2, 0, 0]]"), OK_REST),
        "nodes[2].inputs[1][0]", "refers to node 2", "earlier node");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 2], \"heads\": [[2, 0, 0]]"),
        "arg_nodes[1]", "node 2 'fc' is not a variable", "FullyConnected");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 9], \"heads\": [[2, 0, 0]]"), "arg_nodes[1]", "9");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 0], \"heads\": [[2, 0, 0]]"), "arg_nodes[1]", "twice");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 1], \"heads\": []"), "heads", "empty");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 1], \"heads\": [[3, 0, 0]]"), "heads[0][0]", "refers to node 3");
    rejects(doc(BASE_NODES.replace("\"name\": \"w\"", "\"name\": \"x\""), OK_REST),
        "nodes[1].name", "'x'", "already used by node 0");
    rejects(doc(BASE_NODES.replace("\"name\": \"w\", \"inputs\": []", "\"name\": \"w\", \"inputs\": [[0, 0]]"),
        OK_REST), "nodes[1].inputs", "node 1 'w'", "variable");
  }

  @Test
  void rejectsInconsistentNodeRowPtrAndAttributes() {
    rejects(doc(BASE_NODES, OK_REST + ", \"node_row_ptr\": [0, 1, 2]"), "node_row_ptr", "4 integers");
    rejects(doc(BASE_NODES, OK_REST + ", \"node_row_ptr\": [0, 1, 1, 2]"), "node_row_ptr[2]", "node 1");
    rejects(doc(BASE_NODES, "\"arg_nodes\": [0, 1], \"heads\": [[2, 1, 0]], \"node_row_ptr\": [0, 1, 2, 3]"),
        "heads[0][1]", "output 1 of node 2 'fc' does not exist");
    rejects(doc(BASE_NODES.replace("\"attrs\": {\"num_hidden\": \"2\"}",
        "\"attrs\": {\"num_hidden\": \"2\"}, \"param\": {\"num_hidden\": \"3\"}"), OK_REST),
        "nodes[2].param.num_hidden", "node 2 'fc'", "contradicts");
    rejects(doc(BASE_NODES, OK_REST + ", \"attrs\": {\"mxnet_version\": 10900}"), "attrs.mxnet_version");
    rejects(doc(BASE_NODES.replace("\"name\": \"fc\",", "\"name\": \"fc\", \"control_deps\": [0],"), OK_REST),
        "nodes[2].control_deps", "not supported");
  }

  /** Every prefix of a valid file, and every single-character corruption, fails as an MrtException or parses. */
  @Test
  void truncatedOrCorruptedJsonOnlyEverThrowsMrtException() {
    String whole = MxSymbolWriter.write(TestGraphs.cnn());
    for (int len = 0; len < whole.length(); len++) {
      String prefix = whole.substring(0, len);
      MrtException e = assertThrows(MrtException.class, () -> MxSymbolReader.parse(prefix, "cut.json"));
      assertTrue(e.getMessage().startsWith("cut.json: "), e.getMessage());
    }
    String alphabet = "{}[],:\"0123456789 x-";
    java.util.Random rnd = new java.util.Random(7);
    for (int iter = 0; iter < 3000; iter++) {
      char[] c = whole.toCharArray();
      c[rnd.nextInt(c.length)] = alphabet.charAt(rnd.nextInt(alphabet.length()));
      try {
        MxSymbolReader.parse(new String(c), "fuzz.json");
      } catch (MrtException expected) {
        // fine
      }
    }
  }
}
