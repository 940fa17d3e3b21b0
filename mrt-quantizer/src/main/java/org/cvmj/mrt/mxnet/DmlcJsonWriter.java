package org.cvmj.mrt.mxnet;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON in the layout of dmlc-core's {@code JSONWriter}, which MXNet uses to save symbols, so that our
 * files are byte for byte what MXNet itself writes. Its rules: a multi-line scope puts every item on a new line
 * indented 2 spaces per open scope; items are separated by {@code ", "} <em>before</em> the line break (so lines
 * end in a space); a scope that is not multi-line keeps its items on one line; a closing bracket goes on its own
 * line only in a non-empty multi-line scope.
 */
final class DmlcJsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> multiLine = new ArrayDeque<>();
  private final Deque<Integer> counter = new ArrayDeque<>();

  DmlcJsonWriter beginObject(boolean multi) {
    out.append('{');
    push(multi);
    return this;
  }

  DmlcJsonWriter endObject() {
    return end('}');
  }

  DmlcJsonWriter beginArray(boolean multi) {
    out.append('[');
    push(multi);
    return this;
  }

  DmlcJsonWriter endArray() {
    return end(']');
  }

  /** Starts the next key of the open object; the value follows. */
  DmlcJsonWriter key(String key) {
    separate();
    string(key);
    out.append(": ");
    return this;
  }

  /** Starts the next item of the open array; the value follows. */
  DmlcJsonWriter item() {
    separate();
    return this;
  }

  DmlcJsonWriter number(long v) {
    out.append(v);
    return this;
  }

  /** A string with dmlc's escapes (\r \n \\ \t \"); callers reject other control characters first. */
  DmlcJsonWriter string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        default -> out.append(c);
      }
    }
    out.append('"');
    return this;
  }

  String text() {
    if (!multiLine.isEmpty()) {
      throw new IllegalStateException("unclosed JSON scope");
    }
    return out.toString();
  }

  private void push(boolean multi) {
    multiLine.push(multi);
    counter.push(0);
  }

  private void separate() {
    int n = counter.pop();
    if (n > 0) {
      out.append(", ");
    }
    counter.push(n + 1);
    newlineIfMultiLine();
  }

  private DmlcJsonWriter end(char close) {
    boolean multi = multiLine.pop();
    int n = counter.pop();
    if (multi && n != 0) {
      newlineIfMultiLine();
    }
    out.append(close);
    return this;
  }

  private void newlineIfMultiLine() {
    if (multiLine.isEmpty() || multiLine.peek()) {
      out.append('\n').append(" ".repeat(2 * multiLine.size()));
    }
  }
}
