package org.cvmj.mrt.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.cvmj.cvm.format.ParamTensor;
import org.cvmj.cvm.format.SymbolNode;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.Entry;
import org.cvmj.mrt.graph.FGraphBuilder;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

/**
 * A dense layer quantized by hand (spec mrt-quantizer.md §3.4–3.8, values worked out in the comments) against
 * what the quantizer emits.
 */
class QuantizerTest {
  private static FModel dense() {
    FGraphBuilder b = new FGraphBuilder();
    Entry x = b.variable("data");
    Entry w = b.variable("fc_weight");
    Entry bias = b.variable("fc_bias");
    Entry fc = b.op("FullyConnected", "fc", Map.of("num_hidden", "2"), x, w, bias);
    Map<String, FTensor> params = new LinkedHashMap<>();
    params.put("fc_weight", FTensor.of(Shape.of(2, 4), 0.5f, -0.25f, 1.0f, 0f, 0.1f, 0.2f, -0.3f, 0.4f));
    params.put("fc_bias", FTensor.of(Shape.of(2), 0.5f, -1.0f));
    return new FModel(b.build(List.of(fc)), params);
  }

  private static Thresholds thresholds() {
    Map<String, Double> th = new LinkedHashMap<>();
    th.put("data", 1.0);
    th.put("fc_weight", 1.0);
    th.put("fc_bias", 1.0);
    th.put("fc", 2.0);
    return new Thresholds(th);
  }

  @Test
  void denseLayerMatchesTheHandComputation() {
    QuantizedModel q = Quantizer.run(dense(), thresholds(), new Quantizer.Settings(8, OptionalInt.of(8), 5),
        Shape.of(1, 4));
    List<String> ops = new ArrayList<>();
    for (SymbolNode n : q.files().symbol().nodes()) {
      ops.add(n.isVariable() ? n.name() : n.attrs().get("func_name"));
    }
    // dense (precision bits(4) + 8 + 8 = 19, with a 15-bit bias 20) → tight clip to get_bit(2 · 16129) = 16 bits
    // → pre-shift by 16 − 8 = 8 > Shift_bits → ×frac → >>22 to 8 bits.
    assertEquals(List.of("data", "fc_weight", "fc_bias", "dense", "cvm_clip", "cvm_right_shift",
        "requant_scale_4227330", "broadcast_mul", "cvm_right_shift"), ops);
    Map<String, int[]> values = new LinkedHashMap<>();
    for (ParamTensor p : q.files().params()) {
      values.put(p.name(), p.values());
    }
    // s_W = 127 / 1.0; W·127 rounded half away from zero: 63.5 → 64, −31.75 → −32, 12.7 → 13, −38.1 → −38 ...
    assertArrayEquals(new int[] {64, -32, 127, 0, 13, 25, -38, 51}, values.get("fc_weight"));
    // s_B = s_W · s_X = 127 · 127 = 16129: 0.5 · 16129 = 8064.5 → 8065.
    assertArrayEquals(new int[] {8065, -16129}, values.get("fc_bias"));
    // rescale = (127 / 2) / (16129 / 2^8) = 16256 / 16129; cvm_float with 32 − 8 = 24 bits: ·2^22 = 4227330.016.
    assertArrayEquals(new int[] {4227330}, values.get("requant_scale_4227330"));
    assertEquals(127.0, q.inputScale());
    assertEquals(16129.0 / 256 * 4227330 / (1 << 22), q.outputScales().get(0), 1e-12);
    assertEquals(List.of(8), q.outputPrecisions());
  }

  @Test
  void withoutOutputPrecisionTheTightClipEndsTheGraph() {
    QuantizedModel q = Quantizer.run(dense(), thresholds(), new Quantizer.Settings(8, OptionalInt.empty(), 5),
        Shape.of(1, 4));
    assertEquals(16129.0, q.outputScales().get(0));
    assertEquals(List.of(16), q.outputPrecisions());
  }

  @Test
  void aZeroThresholdParameterBecomesZeros() {
    Map<String, Double> th = new LinkedHashMap<>(thresholds().byNode());
    th.put("fc_bias", 0.0);
    FModel m = dense();
    Map<String, FTensor> params = new LinkedHashMap<>(m.params());
    params.put("fc_bias", FTensor.of(Shape.of(2), 0f, 0f));
    QuantizedModel q = Quantizer.run(new FModel(m.graph(), params), new Thresholds(th),
        new Quantizer.Settings(8, OptionalInt.empty(), 5), Shape.of(1, 4));
    assertTrue(q.files().params().stream().anyMatch(p -> p.name().equals("fc_bias")));
  }

  @Test
  void unknownThresholdOverrideNamesTheLayer() {
    MrtException e = assertThrows(MrtException.class, () -> thresholds().override(Map.of("fc7", 1.0)));
    assertTrue(e.getMessage().contains("'fc7'"), e.getMessage());
  }
}
