package org.cvmj.mrt.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cvmj.mrt.MrtException;

/**
 * Typed access to an MXNet node's string attributes ({@code "kernel": "(3, 3)"}, {@code "no_bias": "True"}).
 * Every error names the node, the operator and the attribute.
 */
public record MxAttrs(String op, String node, Map<String, String> raw) {

  public Optional<String> string(String key) {
    String v = raw.get(key);
    return v == null || v.isEmpty() || v.equals("None") ? Optional.empty() : Optional.of(v);
  }

  public String string(String key, String fallback) {
    return string(key).orElse(fallback);
  }

  public String requireString(String key) {
    return string(key).orElseThrow(() -> fail(key, "is required"));
  }

  public int integer(String key, int fallback) {
    return string(key).map(v -> parseInt(key, v)).orElse(fallback);
  }

  public int requireInt(String key) {
    return parseInt(key, requireString(key));
  }

  public double real(String key, double fallback) {
    String v = string(key).orElse(null);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw fail(key, "must be a number, got '" + v + "'");
    }
  }

  public boolean bool(String key, boolean fallback) {
    String v = string(key).orElse(null);
    if (v == null) {
      return fallback;
    }
    return switch (v) {
      case "True", "true", "1" -> true;
      case "False", "false", "0" -> false;
      default -> throw fail(key, "must be True or False, got '" + v + "'");
    };
  }

  /** A tuple such as {@code (3, 3)}, {@code [1,2]}, {@code (1,)} or a bare integer; {@code fallback} when absent. */
  public int[] tuple(String key, int[] fallback) {
    String v = string(key).orElse(null);
    return v == null ? fallback : parseTuple(key, v);
  }

  public int[] requireTuple(String key) {
    return parseTuple(key, requireString(key));
  }

  /** A tuple of exactly {@code n} values; a single value is repeated, as MXNet does for kernel and stride. */
  public int[] tuple(String key, int n, int fill) {
    int[] t = tuple(key, null);
    if (t == null) {
      int[] d = new int[n];
      java.util.Arrays.fill(d, fill);
      return d;
    }
    if (t.length == 1 && n > 1) {
      int[] d = new int[n];
      java.util.Arrays.fill(d, t[0]);
      return d;
    }
    if (t.length != n) {
      throw fail(key, "must have " + n + " values, got " + raw.get(key));
    }
    return t;
  }

  private int[] parseTuple(String key, String v) {
    String s = v.trim();
    if ((s.startsWith("(") && s.endsWith(")")) || (s.startsWith("[") && s.endsWith("]"))) {
      s = s.substring(1, s.length() - 1);
    }
    List<Integer> out = new ArrayList<>();
    for (String part : s.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (p.endsWith("L")) {
        p = p.substring(0, p.length() - 1);
      }
      out.add(parseInt(key, p));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int parseInt(String key, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw fail(key, "must be an integer, got '" + v + "'");
    }
  }

  public MrtException fail(String key, String what) {
    return new MrtException("node '" + node + "' (" + op + "): attribute " + key + " " + what);
  }

  /** Writes a tuple as MXNet does: {@code (3, 3)}. */
  public static String formatTuple(int[] t) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < t.length; i++) {
      s.append(i == 0 ? "" : ", ").append(t[i]);
    }
    return s.append(")").toString();
  }
}
