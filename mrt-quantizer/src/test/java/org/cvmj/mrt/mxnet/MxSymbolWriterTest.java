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

class MxSymbolWriterTest {

  /**
   * The whole file, written out by hand from dmlc-core's JSONWriter rules: items separated by ", " before the
   * line break, 2 spaces per open scope, maps of one key and vectors of at most 10 plain items on one line.
   */
  @Test
  void smallGraphIsWrittenInMxnetsExactLayout() {
    FGraphBuilder b = new FGraphBuilder();
    Entry data = b.variable("data");
    Entry w = b.add(new FNode("null", "fc0_weight", Map.of("__shape__", "(2, 3)"), List.of()));
    Entry fc = b.op("FullyConnected", "fc0", Map.of("num_hidden", "2", "no_bias", "True"), data, w);
    Entry relu = b.op("Activation", "relu0", Map.of("act_type", "relu"), fc);
    FGraph g = b.build(List.of(relu));

    String expected = String.join("\n",
        "{",
        "  \"nodes\": [",
        "    {",
        "      \"op\": \"null\", ",
        "      \"name\": \"data\", ",
        "      \"inputs\": []",
        "    }, ",
        "    {",
        "      \"op\": \"null\", ",
        "      \"name\": \"fc0_weight\", ",
        "      \"attrs\": {\"__shape__\": \"(2, 3)\"}, ",
        "      \"inputs\": []",
        "    }, ",
        "    {",
        "      \"op\": \"FullyConnected\", ",
        "      \"name\": \"fc0\", ",
        "      \"attrs\": {",
        "        \"no_bias\": \"True\", ",
        "        \"num_hidden\": \"2\"",
        "      }, ",
        "      \"inputs\": [[0, 0, 0], [1, 0, 0]]",
        "    }, ",
        "    {",
        "      \"op\": \"Activation\", ",
        "      \"name\": \"relu0\", ",
        "      \"attrs\": {\"act_type\": \"relu\"}, ",
        "      \"inputs\": [[2, 0, 0]]",
        "    }",
        "  ], ",
        "  \"arg_nodes\": [0, 1], ",
        "  \"node_row_ptr\": [0, 1, 2, 3, 4], ",
        "  \"heads\": [[3, 0, 0]], ",
        "  \"attrs\": {\"mxnet_version\": [\"int\", 10900]}",
        "}");
    assertEquals(expected, MxSymbolWriter.write(g));
  }

  @Test
  void cnnRoundTripsAndHasHandComputedTables() {
    FGraph g = TestGraphs.cnn();
    String text = MxSymbolWriter.write(g);
    assertEquals(g, MxSymbolReader.parse(text, "cnn.json"));
    assertEquals(text, MxSymbolWriter.write(MxSymbolReader.parse(text, "cnn.json")), "deterministic bytes");

    // Outputs per node: BatchNorm (node 8) has 3, Dropout (node 10) has 2, every other node 1.
    // Running sums: 0,1,...,8, then 8+3=11, 12, 12+2=14, 15, ..., 23.
    int[] rowPtr = {0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
    assertTrue(text.contains("\"node_row_ptr\": " + multiLine(rowPtr)), text);
    // Variables: data, conv0 weight/bias, four bn0 inputs, fc0 and fc1 weight/bias: 11 of them, so one per line.
    int[] argNodes = {0, 1, 2, 4, 5, 6, 7, 13, 14, 16, 17};
    assertTrue(text.contains("\"arg_nodes\": " + multiLine(argNodes) + ", \n"), text);
    assertTrue(text.contains("\"heads\": [[19, 0, 0]], \n"), text);
    assertTrue(text.contains("\"inputs\": [[3, 0, 0], [4, 0, 0], [5, 0, 0], [6, 0, 0], [7, 0, 0]]"), text);
    // MXNet hints on a variable survive, sorted.
    assertTrue(text.contains("\"attrs\": {\n        \"__lr_mult__\": \"1.0\", \n        \"__shape__\": \"(4, 1, 3, 3)\"\n"),
        text);
    assertTrue(text.endsWith("\"attrs\": {\"mxnet_version\": [\"int\", 10900]}\n}"), text);
  }

  /** dmlc's layout of a vector of more than 10 numbers, at the top level's depth (items indented 4). */
  private static String multiLine(int[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append("\n    ").append(values[i]);
    }
    return sb.append("\n  ]").toString();
  }

  @Test
  void moreThanTenInputsGoOnePerLine() {
    FGraphBuilder b = new FGraphBuilder();
    Entry[] in = new Entry[11];
    for (int i = 0; i < in.length; i++) {
      in[i] = b.variable("x" + i);
    }
    Entry c = b.op("Concat", "concat0", Map.of("dim", "1", "num_args", "11"), in);
    String text = MxSymbolWriter.write(b.build(List.of(c)));
    assertTrue(text.contains("\"inputs\": [\n        [0, 0, 0], \n        [1, 0, 0], "), text);
    assertTrue(text.contains("[10, 0, 0]\n      ]\n    }\n  ], "), text);
    assertEquals(b.build(List.of(c)), MxSymbolReader.parse(text, "concat.json"));
  }

  @Test
  void escapesAndUnicodeRoundTrip() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("data \"quoted\" \\ tab\t é");
    Entry y = b.op("Custom", "c0", Map.of("note", "line1\nline2\r"), x);
    FGraph g = b.build(List.of(y));
    String text = MxSymbolWriter.write(g);
    assertTrue(text.contains("\"name\": \"data \\\"quoted\\\" \\\\ tab\\t é\""), text);
    assertEquals(g, MxSymbolReader.parse(text, "esc.json"));
  }

  @Test
  void controlCharactersMxnetCannotReadAreRefused() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("bad\u0001name");
    MrtException e = assertThrows(MrtException.class, () -> MxSymbolWriter.write(b.build(List.of(x))));
    assertTrue(e.getMessage().contains("node 0") && e.getMessage().contains("U+0001"), e.getMessage());
  }

  @Test
  void auxVariablesAreTheBatchNormStatistics() {
    assertEquals(List.of("bn0_moving_mean", "bn0_moving_var"), List.copyOf(MxAuxParams.of(TestGraphs.cnn())));
  }
}
