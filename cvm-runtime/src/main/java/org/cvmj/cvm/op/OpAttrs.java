package org.cvmj.cvm.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The string attributes of one operator node ({@code attrs.op_attrs[nid]}), read with the value grammar of
 * the reference's parameter parser. Each getter marks its key as known; {@link #finish()} then rejects any
 * key the operator does not declare (keys of the form {@code __x__} are tolerated, as dmlc does).
 */
public final class OpAttrs {
  private final Map<String, String> values;
  private final Set<String> read = new TreeSet<>();

  public OpAttrs(Map<String, String> values) {
    this.values = new LinkedHashMap<>(values);
  }

  public static OpAttrs of(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new OpAttrs(m);
  }

  public Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(values);
  }

  private String raw(String key) {
    read.add(key);
    return values.get(key);
  }

  private String required(String key) throws OpException {
    String v = raw(key);
    if (v == null) {
      throw new OpException("required attribute '" + key + "' is missing");
    }
    return v;
  }

  public int getInt(String key) throws OpException {
    return parseInt(key, required(key));
  }

  public int getInt(String key, int defaultValue) throws OpException {
    String v = raw(key);
    return v == null ? defaultValue : parseInt(key, v);
  }

  /** An {@code optional<int>}: {@code "None"} or absent gives null. */
  public Integer getOptionalInt(String key) throws OpException {
    String v = raw(key);
    if (v == null || v.strip().equals("None")) {
      return null;
    }
    return parseInt(key, v);
  }

  public boolean getBool(String key, boolean defaultValue) throws OpException {
    String v = raw(key);
    if (v == null) {
      return defaultValue;
    }
    switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1":
        return true;
      case "false", "0":
        return false;
      default:
        throw new OpException("attribute '" + key + "' = \"" + v + "\" is not a boolean (true/false/1/0)");
    }
  }

  public String getString(String key, String defaultValue) {
    String v = raw(key);
    return v == null ? defaultValue : v;
  }

  public int[] getTuple(String key) throws OpException {
    return parseTuple(key, required(key));
  }

  public int[] getTuple(String key, int... defaultValue) throws OpException {
    String v = raw(key);
    return v == null ? defaultValue.clone() : parseTuple(key, v);
  }

  /** Rejects keys that no getter asked for. Call after reading every declared attribute. */
  public void finish() throws OpException {
    List<String> unknown = new ArrayList<>();
    for (String k : new TreeSet<>(values.keySet())) {
      boolean hidden = k.length() > 4 && k.startsWith("__") && k.endsWith("__");
      if (!read.contains(k) && !hidden) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new OpException("unknown attribute" + (unknown.size() > 1 ? "s " : " ") + unknown
          + (read.isEmpty() ? " (this operator takes no attributes)" : " (known: " + read + ")"));
    }
  }

  static int parseInt(String key, String text) throws OpException {
    String s = text.strip();
    if (s.endsWith("L") || s.endsWith("l")) {
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new OpException("attribute '" + key + "' = \"" + text + "\" is not a 32-bit integer");
    }
  }

  /** {@code "(3, 3)"}, {@code "[3, 3]"}, {@code "(1,)"}, {@code "()"} or a bare {@code "3"}. */
  static int[] parseTuple(String key, String text) throws OpException {
    String s = text.strip();
    if (s.startsWith("(") || s.startsWith("[")) {
      char close = s.charAt(0) == '(' ? ')' : ']';
      if (!s.endsWith(String.valueOf(close)) || s.length() < 2) {
        throw new OpException("attribute '" + key + "' = \"" + text + "\" is not a tuple");
      }
      s = s.substring(1, s.length() - 1).strip();
      if (s.endsWith(",")) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.isBlank()) {
        return new int[0];
      }
    }
    String[] parts = s.split(",", -1);
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isBlank()) {
        throw new OpException("attribute '" + key + "' = \"" + text + "\" has an empty tuple element");
      }
      out[i] = parseInt(key, parts[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** For messages: a tuple in the reference's notation. */
  public static String tuple(int[] t) {
    return Arrays.toString(t).replace('[', '(').replace(']', ')');
  }
}
