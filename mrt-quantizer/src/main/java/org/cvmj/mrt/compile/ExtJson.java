package org.cvmj.mrt.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.mrt.MrtException;

/** The one reader and writer of {@code ext.json}. */
public final class ExtJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExtJson() {}

  public static String write(ExtInfo e) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", e.model());
    ObjectNode in = root.putObject("input");
    in.put("name", "data");
    ArrayNode shape = in.putArray("shape");
    e.inputShape().forEach(shape::add);
    in.put("precision", e.inputPrecision());
    in.put("scale", e.inputScale());
    ObjectNode norm = in.putObject("normalization");
    norm.put("pixel_scale", e.pixelScale());
    ArrayNode mean = norm.putArray("mean");
    e.mean().forEach(mean::add);
    ArrayNode std = norm.putArray("std");
    e.std().forEach(std::add);
    ArrayNode outs = root.putArray("outputs");
    for (ExtInfo.Output o : e.outputs()) {
      ObjectNode on = outs.addObject();
      on.put("scale", o.scale());
      on.put("precision", o.precision());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a tree of numbers and strings always serialises", ex);
    }
  }

  public static ExtInfo read(String text, String file) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException ex) {
      throw new MrtException(file + ": not JSON: " + ex.getOriginalMessage());
    }
    JsonNode in = require(root, "input", file);
    JsonNode norm = require(in, "normalization", file);
    List<ExtInfo.Output> outs = new ArrayList<>();
    for (JsonNode o : require(root, "outputs", file)) {
      outs.add(new ExtInfo.Output(number(o, "scale", file), (int) number(o, "precision", file)));
    }
    return new ExtInfo(require(root, "model", file).asText(), ints(require(in, "shape", file)),
        (int) number(in, "precision", file), number(in, "scale", file), number(norm, "pixel_scale", file),
        doubles(require(norm, "mean", file)), doubles(require(norm, "std", file)), outs);
  }

  private static JsonNode require(JsonNode n, String key, String file) {
    JsonNode v = n == null ? null : n.get(key);
    if (v == null || v.isNull()) {
      throw new MrtException(file + ": missing key '" + key + "'");
    }
    return v;
  }

  private static double number(JsonNode n, String key, String file) {
    JsonNode v = require(n, key, file);
    if (!v.isNumber()) {
      throw new MrtException(file + ": '" + key + "' must be a number");
    }
    return v.asDouble();
  }

  private static List<Integer> ints(JsonNode a) {
    List<Integer> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asInt()));
    return out;
  }

  private static List<Double> doubles(JsonNode a) {
    List<Double> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asDouble()));
    return out;
  }
}
