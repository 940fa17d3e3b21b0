package org.cvmj.mrt.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cvmj.mrt.MrtException;

/**
 * The sections and keys a config may contain: MRT's {@code main2.py} keys plus the ones CVM-J adds
 * ({@code Calibrate_split}, {@code Pixel_scale}, {@code Mean}, {@code Std}, EVALUATION {@code Split}, the TRAIN
 * section). Anything else is a typo or an unsupported feature and is reported, never ignored.
 */
final class ConfigSchema {
  private static final List<String> DEVICE = List.of("Device_type", "Device_ids");

  /** Section → valid keys, in documentation order. */
  static final Map<String, List<String>> SECTIONS = sections();

  private ConfigSchema() {}

  private static Map<String, List<String>> sections() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(IniFile.DEFAULT, List.of("Model_dir", "Model_name", "Device_type", "Device_ids", "Verbosity",
        "Input_shape", "Start"));
    m.put("PREPARE", List.of("Dump"));
    m.put("SPLIT_MODEL", List.of("Keys", "Dump"));
    m.put("CALIBRATION", concat(List.of("Batch", "Calibrate_num", "Lambda", "Dataset", "Dataset_dir"), DEVICE,
        List.of("Dump", "Calibrate_split", "Pixel_scale", "Mean", "Std")));
    m.put("QUANTIZATION", concat(List.of("Input_precision", "Output_precision", "Softmax_lambd", "Shift_bits",
        "Thresholds", "Restore_name"), DEVICE, List.of("Dump")));
    m.put("MERGE_MODEL", List.of("Attribute_deps", "Oscale_maps", "Dump"));
    m.put("EVALUATION", concat(List.of("Batch", "Iter_num", "Split"), DEVICE, List.of()));
    m.put("COMPILATION", concat(List.of("Batch", "Dump_dir"), DEVICE, List.of()));
    m.put("TRAIN", concat(List.of("Network", "Epochs", "Batch", "Learning_rate", "Optimizer", "Momentum", "Shift",
        "Weight_decay", "Seed"), DEVICE, List.of()));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
  }

  /**
   * Throws on an unknown section or key. DEFAULT may hold any key that some section reads, since configparser
   * makes DEFAULT keys visible everywhere (e.g. a shared {@code Batch}).
   */
  static void check(IniFile ini) {
    for (String section : ini.sections()) {
      if (!SECTIONS.containsKey(section)) {
        throw new MrtException(ini.fileName() + ": unknown section [" + section + "]; valid sections: "
            + String.join(", ", SECTIONS.keySet()));
      }
    }
    for (String section : SECTIONS.keySet()) {
      List<String> valid = section.equals(IniFile.DEFAULT) ? allKeys() : SECTIONS.get(section);
      for (IniFile.Entry e : ini.ownEntries(section)) {
        if (!containsIgnoreCase(valid, e.key())) {
          throw new MrtException(ini.fileName() + " [" + section + "] " + e.key() + " (line " + e.line()
              + "): unknown key; valid keys in [" + section + "]: " + String.join(", ", valid));
        }
      }
    }
  }

  private static List<String> allKeys() {
    Set<String> all = new LinkedHashSet<>();
    SECTIONS.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  private static boolean containsIgnoreCase(List<String> keys, String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return keys.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(k));
  }
}
