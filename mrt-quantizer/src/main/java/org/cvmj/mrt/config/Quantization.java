package org.cvmj.mrt.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * [QUANTIZATION]: input precision in bits (MRT default 8), output precision (empty = keep the inferred one),
 * the softmax lambda (10), the requantization shift bits (5), and per-node threshold overrides in file order.
 * {@code Restore_name} must be empty: a layer kept in float cannot compile to the CVM.
 */
public record Quantization(int inputPrecision, OptionalInt outputPrecision, double softmaxLambd, int shiftBits,
    Map<String, Double> thresholds, boolean dump) {
  public Quantization {
    thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
  }

  static Quantization read(ConfigSection s) {
    s.checkDevice();
    s.requireEmpty("Restore_name", "restored float layers cannot compile to the CVM");
    String precision = "must be an integer from 2 to 32";
    int input = s.integer("Input_precision", 8, 2, 32, precision);
    OptionalInt output = s.optionalInteger("Output_precision", 2, 32, precision);
    double lambd = s.positiveNumber("Softmax_lambd", 10);
    int shift = s.integer("Shift_bits", 5, 0, 31, "must be an integer from 0 to 31");
    return new Quantization(input, output, lambd, shift, thresholds(s), s.bool("Dump"));
  }

  /** {@code name: value, name: value} (commas or new lines between pairs); values are positive numbers. */
  private static Map<String, Double> thresholds(ConfigSection s) {
    Map<String, Double> out = new LinkedHashMap<>();
    String text = s.text("Thresholds").orElse("");
    for (String item : text.split("[,\\n]")) {
      if (item.isBlank()) {
        continue;
      }
      int colon = item.indexOf(':');
      String name = colon < 0 ? "" : item.substring(0, colon).strip();
      if (name.isEmpty()) {
        throw s.error("Thresholds", "must be 'name: value' pairs separated by commas ('" + item.strip() + "')");
      }
      String value = item.substring(colon + 1).strip();
      double v = ConfigSection.parseNumber(value);
      if (!(v > 0) || Double.isInfinite(v)) {
        throw s.error("Thresholds", "the threshold of " + name + " must be a positive number ('" + value + "')");
      }
      if (out.put(name, v) != null) {
        throw s.error("Thresholds", name + " is given twice");
      }
    }
    return out;
  }
}
