package org.cvmj.mrt.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.cvmj.mrt.MrtException;

/**
 * Typed reading of one section's keys (with DEFAULT fallback). An empty value means "use the default", as in
 * MRT. Every error names file, section and key: {@code mnist.ini [CALIBRATION] Calibrate_num: must be a positive
 * integer, got 'x'}; the section is the one that set the value, DEFAULT for a fallback.
 */
final class ConfigSection {
  private final IniFile ini;
  private final String name;
  private final Path baseDir;

  /** {@code baseDir}: the config file's directory, against which relative paths resolve. */
  ConfigSection(IniFile ini, String name, Path baseDir) {
    this.ini = ini;
    this.name = name;
    this.baseDir = baseDir;
  }

  String name() {
    return name;
  }

  /** The trimmed value, empty when the key is absent or blank. */
  Optional<String> text(String key) {
    return entry(key).map(IniFile.Entry::value);
  }

  private Optional<IniFile.Entry> entry(String key) {
    return ini.get(name, key).filter(e -> !e.value().isBlank());
  }

  String required(String key) {
    return text(key).orElseThrow(() -> new MrtException(where(name, key) + ": is required"));
  }

  int integer(String key, int dflt, int min, int max, String expected) {
    return optionalInteger(key, min, max, expected).orElse(dflt);
  }

  int positiveInt(String key, int dflt) {
    return integer(key, dflt, 1, Integer.MAX_VALUE, "must be a positive integer");
  }

  OptionalInt optionalInteger(String key, int min, int max, String expected) {
    Optional<IniFile.Entry> e = entry(key);
    if (e.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int v = Integer.parseInt(e.get().value().strip());
      if (v >= min && v <= max) {
        return OptionalInt.of(v);
      }
    } catch (NumberFormatException ignored) {
      // reported below with the value
    }
    throw error(key, expected);
  }

  long longValue(String key, long dflt) {
    Optional<IniFile.Entry> e = entry(key);
    if (e.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(e.get().value().strip());
    } catch (NumberFormatException ex) {
      throw error(key, "must be an integer");
    }
  }

  double positiveNumber(String key, double dflt) {
    return optionalNumber(key, 0, false, "must be a positive number").orElse(dflt);
  }

  /** A finite number greater than {@code bound} (or equal to it when {@code inclusive}). */
  OptionalDouble optionalNumber(String key, double bound, boolean inclusive, String expected) {
    Optional<IniFile.Entry> e = entry(key);
    if (e.isEmpty()) {
      return OptionalDouble.empty();
    }
    double v = parseNumber(e.get().value().strip());
    if (Double.isFinite(v) && (v > bound || (inclusive && v == bound))) {
      return OptionalDouble.of(v);
    }
    throw error(key, expected);
  }

  /** Comma-separated numbers; empty list when unset. */
  double[] numbers(String key, double bound, boolean inclusive, String expected) {
    Optional<IniFile.Entry> e = entry(key);
    if (e.isEmpty()) {
      return new double[0];
    }
    List<Double> out = new ArrayList<>();
    for (String part : e.get().value().split("[,\\n]")) {
      double v = parseNumber(part.strip());
      if (!(Double.isFinite(v) && (v > bound || (inclusive && v == bound)))) {
        throw error(key, expected);
      }
      out.add(v);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** configparser's {@code getboolean}: 1/yes/true/on and 0/no/false/off, any case; unset = false. */
  boolean bool(String key) {
    Optional<String> t = text(key);
    if (t.isEmpty()) {
      return false;
    }
    return switch (t.get().toLowerCase(Locale.ROOT)) {
      case "1", "yes", "true", "on" -> true;
      case "0", "no", "false", "off" -> false;
      default -> throw error(key, "must be a boolean (true/false, yes/no, on/off, 1/0)");
    };
  }

  /** One of {@code allowed} (compared lower-case), returned lower-case; unset = {@code dflt}. */
  String choice(String key, String dflt, List<String> allowed) {
    Optional<String> t = text(key);
    if (t.isEmpty()) {
      return dflt;
    }
    String v = t.get().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw error(key, "must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** A path: {@code ~} is the home directory (as MRT's expanduser), relative paths resolve against the config. */
  Optional<Path> path(String key) {
    return text(key).map(t -> {
      String s = t.strip();
      if (s.equals("~") || s.startsWith("~/")) {
        s = System.getProperty("user.home") + s.substring(1);
      }
      return baseDir.resolve(s).normalize();
    });
  }

  /** Keys CVM-J does not support must be left empty: a set value would otherwise be silently ignored. */
  void requireEmpty(String key, String why) {
    if (entry(key).isPresent()) {
      throw error(key, why + "; leave " + key + " empty");
    }
  }

  /** Device_type (empty or cpu) and Device_ids (comma-separated integers, only meaningful for cpu). */
  void checkDevice() {
    Optional<String> type = text("Device_type");
    if (type.isPresent()) {
      String t = type.get().toLowerCase(Locale.ROOT);
      if (t.equals("gpu")) {
        throw error("Device_type", "CVM-J runs on the CPU; set Device_type=cpu or leave it empty");
      }
      if (!t.equals("cpu")) {
        throw error("Device_type", "must be cpu or empty");
      }
    }
    Optional<String> ids = text("Device_ids");
    if (ids.isPresent()) {
      for (String part : ids.get().split(",")) {
        if (!part.strip().matches("\\d{1,9}")) {
          throw error("Device_ids", "must be comma-separated device numbers");
        }
      }
    }
  }

  /** An error about the value of {@code key}, quoting it. */
  MrtException error(String key, String problem) {
    IniFile.Entry e = entry(key).or(() -> ini.get(name, key)).orElse(null);
    String section = e == null ? name : e.section();
    String got = e == null ? "" : ", got '" + e.value() + "'";
    String line = e == null ? "" : " (line " + e.line() + ")";
    return new MrtException(where(section, key) + ": " + problem + got + line);
  }

  /** An error about a key without quoting a value (a missing key, or one whose value is fine on its own). */
  MrtException problem(String key, String problem) {
    return new MrtException(where(ini.get(name, key).map(IniFile.Entry::section).orElse(name), key) + ": " + problem);
  }

  private String where(String section, String key) {
    return ini.fileName() + " [" + section + "] " + key;
  }

  /** A plain decimal number as Python's float() reads it, else NaN. */
  static double parseNumber(String s) {
    // Java accepts "1f", "0x1p3" and "NaN"; an INI number is a plain decimal as Python's float() reads it.
    if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }
}
