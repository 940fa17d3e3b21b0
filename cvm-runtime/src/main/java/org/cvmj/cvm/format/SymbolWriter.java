package org.cvmj.cvm.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.cvmj.cvm.tensor.Shape;

/** Writes a {@link Symbol} as the graph JSON the reference runtime loads, keys in the reference's order. */
public final class SymbolWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SymbolWriter() {}

  public static String write(Symbol s) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
      pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
      g.setPrettyPrinter(pp);
      g.writeStartObject();
      g.writeArrayFieldStart("nodes");
      for (SymbolNode n : s.nodes()) {
        g.writeStartObject();
        g.writeStringField("op", n.op());
        g.writeStringField("name", n.name());
        if (n.attrs() != null) {
          g.writeObjectFieldStart("attrs");
          for (Map.Entry<String, String> e : n.attrs().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
        }
        g.writeFieldName("inputs");
        writeEntries(g, n.inputs());
        if (n.precision() != null) {
          g.writeNumberField("precision", n.precision());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (s.argNodes() != null) {
        writeInts(g, "arg_nodes", s.argNodes());
      }
      if (s.nodeRowPtr() != null) {
        writeInts(g, "node_row_ptr", s.nodeRowPtr());
      }
      g.writeFieldName("heads");
      writeEntries(g, s.heads());
      writeAttrs(g, s.attrs());
      if (s.version() != null) {
        g.writeStringField("version", s.version());
      }
      if (s.postprocess() != null) {
        g.writeStringField("postprocess", s.postprocess());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
    }
    return out.toString() + "\n";
  }

  private static void writeAttrs(JsonGenerator g, GraphAttrs a) throws IOException {
    g.writeObjectFieldStart("attrs");
    g.writeArrayFieldStart("shape");
    g.writeString("list_shape");
    g.writeStartArray();
    for (Shape shape : a.shapes()) {
      g.writeArray(shape.dims(), 0, shape.ndim());
    }
    g.writeEndArray();
    g.writeEndArray();
    writeTagged(g, "storage_id", "list_int", a.storageIds());
    writeTaggedText(g, "op_attrs", a.opAttrs());
    writeTagged(g, "precision", "list_int", a.precisions());
    if (a.dltypes() != null) {
      writeTaggedText(g, "dltype", a.dltypes());
    }
    if (a.dtypes() != null) {
      writeTagged(g, "dtype", "list_int", a.dtypes());
    }
    if (a.deviceIndex() != null) {
      writeTagged(g, "device_index", "list_int", a.deviceIndex());
    }
    g.writeEndObject();
  }

  private static void writeTaggedText(JsonGenerator g, String key, List<String> values) throws IOException {
    g.writeArrayFieldStart(key);
    g.writeString("list_str");
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
    g.writeEndArray();
  }

  private static void writeTagged(JsonGenerator g, String key, String tag, List<Integer> values)
      throws IOException {
    g.writeArrayFieldStart(key);
    g.writeString(tag);
    g.writeStartArray();
    for (int v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
    g.writeEndArray();
  }

  private static void writeInts(JsonGenerator g, String key, List<Integer> values) throws IOException {
    g.writeArrayFieldStart(key);
    for (int v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static void writeEntries(JsonGenerator g, List<EntryRef> entries) throws IOException {
    g.writeStartArray();
    for (EntryRef e : entries) {
      g.writeArray(new int[] {e.nodeId(), e.index(), e.version()}, 0, 3);
    }
    g.writeEndArray();
  }
}
