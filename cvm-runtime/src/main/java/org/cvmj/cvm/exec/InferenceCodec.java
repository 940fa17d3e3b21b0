package org.cvmj.cvm.exec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cvmj.cvm.model.Graph;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.model.Postprocess;
import org.cvmj.cvm.model.Rule;
import org.cvmj.cvm.tensor.Shape;

/**
 * The byte conventions of {@code CVMAPIInference} (spec cvm-format-and-ops.md §3.2-3.3): int8 or int32
 * input by the input precision, int8 or int32 output by the largest head precision, multi-head row
 * interleaving and the {@code argmax}/{@code detection} post-processing. int32 words are little-endian for
 * the C API and big-endian on chain; the caller picks.
 */
public final class InferenceCodec {
  private final Graph graph;
  private final ByteOrder order;
  private final int outputTypeSize;

  public InferenceCodec(Graph graph, ByteOrder order) {
    this.graph = graph;
    this.order = order;
    int max = 0;
    for (int h : graph.heads()) {
      max = Math.max(max, graph.precisions()[h]);
    }
    this.outputTypeSize = max > 8 || graph.postprocess() != Postprocess.NONE ? 4 : 1;
  }

  /** Little-endian, as {@code CVMAPIInference} on x86. */
  public static InferenceCodec reference(Graph graph) {
    return new InferenceCodec(graph, ByteOrder.LITTLE_ENDIAN);
  }

  public int inputTypeSize() {
    return graph.inputPrecision() > 8 ? 4 : 1;
  }

  public int inputLength() {
    return graph.inputShape().elements() * inputTypeSize();
  }

  public int outputTypeSize() {
    return outputTypeSize;
  }

  public int outputLength() {
    Shape[] heads = headShapes();
    long n = 0;
    for (Shape s : heads) {
      n += graph.postprocess() == Postprocess.ARGMAX ? s.size() / s.last() : s.size();
    }
    return (int) n * outputTypeSize();
  }

  /** Widens raw input bytes to int32 values (clipping happens in the executor, as in the reference). */
  public int[] decodeInput(byte[] raw) throws ModelException {
    if (raw.length != inputLength()) {
      throw new ModelException(Rule.INPUT, "input has " + raw.length + " bytes; the model takes "
          + inputLength() + " (" + graph.inputShape().size() + " values of " + inputTypeSize() + " byte"
          + (inputTypeSize() == 1 ? "" : "s") + ", input precision " + graph.inputPrecision() + ")");
    }
    int[] values = new int[graph.inputShape().elements()];
    ByteBuffer in = ByteBuffer.wrap(raw).order(order);
    for (int i = 0; i < values.length; i++) {
      values[i] = inputTypeSize() == 1 ? in.get() : in.getInt();
    }
    return values;
  }

  /** Input values as raw input bytes, the inverse of {@link #decodeInput}; each value must fit the input type. */
  public byte[] encodeInput(int[] values) throws ModelException {
    if (values.length != graph.inputShape().elements()) {
      throw new ModelException(Rule.INPUT, "input has " + values.length + " values; the model takes "
          + graph.inputShape().elements() + " (shape " + graph.inputShape() + ")");
    }
    ByteBuffer out = ByteBuffer.allocate(inputLength()).order(order);
    for (int i = 0; i < values.length; i++) {
      if (inputTypeSize() == 1) {
        if (values[i] != (byte) values[i]) {
          throw new ModelException(Rule.INPUT, "input value " + values[i] + " at index " + i
              + " does not fit the model's int8 input (precision " + graph.inputPrecision() + ")");
        }
        out.put((byte) values[i]);
      } else {
        out.putInt(values[i]);
      }
    }
    return out.array();
  }

  /** Packs head values into output bytes. */
  public byte[] encodeOutput(int[][] heads) throws ModelException {
    ByteBuffer out = ByteBuffer.allocate(outputLength()).order(order);
    Shape[] shapes = headShapes();
    if (graph.postprocess() == Postprocess.ARGMAX) {
      for (int k = 0; k < heads.length; k++) {
        int last = shapes[k].last();
        for (int row = 0; row < heads[k].length / last; row++) {
          out.putInt(argmax(heads[k], row * last, last));
        }
      }
    } else if (graph.postprocess() == Postprocess.DETECTION || heads.length > 1) {
      interleave(heads, shapes, out);
    } else {
      for (int v : heads[0]) {
        put(out, v);
      }
    }
    return out.array();
  }

  /**
   * Index of the first maximum, comparing the values' low bytes as signed int8, as the reference does
   * (the comparison only differs from an int32 one for heads wider than 8 bits).
   */
  private static int argmax(int[] v, int from, int len) {
    int best = 0;
    for (int j = 1; j < len; j++) {
      if ((byte) v[from + j] > (byte) v[from + best]) {
        best = j;
      }
    }
    return best;
  }

  /** Row x of every head in turn: head rows are the last dimension, and all heads need the same row count. */
  private void interleave(int[][] heads, Shape[] shapes, ByteBuffer out) throws ModelException {
    if (heads.length == 1) {
      throw new ModelException(Rule.OUTPUT, "a detection model needs more than one head to concatenate");
    }
    long rows = shapes[0].size() / shapes[0].last();
    for (int k = 1; k < shapes.length; k++) {
      if (shapes[k].size() / shapes[k].last() != rows) {
        throw new ModelException(Rule.OUTPUT, "heads cannot be interleaved: head 0 " + shapes[0]
            + " has " + rows + " rows, head " + k + " " + shapes[k] + " has "
            + shapes[k].size() / shapes[k].last());
      }
    }
    for (int x = 0; x < rows; x++) {
      for (int k = 0; k < heads.length; k++) {
        int ys = shapes[k].last();
        for (int i = 0; i < ys; i++) {
          put(out, heads[k][x * ys + i]);
        }
      }
    }
  }

  private void put(ByteBuffer out, int v) {
    if (outputTypeSize == 1) {
      out.put((byte) v);
    } else {
      out.putInt(v);
    }
  }

  private Shape[] headShapes() {
    int[] heads = graph.heads();
    Shape[] s = new Shape[heads.length];
    for (int k = 0; k < heads.length; k++) {
      s[k] = graph.shapes()[heads[k]];
    }
    return s;
  }
}
