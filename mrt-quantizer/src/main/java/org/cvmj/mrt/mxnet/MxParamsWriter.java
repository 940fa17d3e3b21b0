package org.cvmj.mrt.mxnet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FModel;
import org.cvmj.mrt.graph.FTensor;

/**
 * Writes an MXNet {@code .params} file: V2 records (magic 0xF993FAC9, dense, 64-bit dimensions, context cpu(0),
 * float32), which both classic MXNet 1.x and DJL (numpy-shape mode) load, named {@code arg:<name>} or
 * {@code aux:<name>} as Module checkpoints and Gluon {@code export} name them (DJL requires the prefixes).
 */
public final class MxParamsWriter {
  private MxParamsWriter() {}

  /** The model's parameters, in its order, aux exactly for the graph's BatchNorm statistics ({@link MxAuxParams}). */
  public static byte[] write(FModel model) {
    return write(model.params(), MxAuxParams.of(model.graph()));
  }

  /** {@code params} in iteration order; names in {@code aux} get {@code aux:}, the others {@code arg:}. */
  public static byte[] write(Map<String, FTensor> params, Set<String> aux) {
    long total = 24 + 8;
    List<byte[]> names = new ArrayList<>();
    for (Map.Entry<String, FTensor> p : params.entrySet()) {
      String name = p.getKey();
      int[] dims = p.getValue().shape().dims();
      if (name.isEmpty()) {
        throw new MrtException("parameter with an empty name cannot be written");
      }
      // In the V2 (classic) layout ndim 0 and a dimension 0 both mean "unknown shape": such arrays would load as
      // empty NDArrays, so refuse them rather than write a file that loses them.
      if (dims.length == 0) {
        throw new MrtException("parameter '" + name + "' is a scalar; MXNet's V2 params format has no scalars"
            + " (reshape it to (1,))");
      }
      for (int d : dims) {
        if (d <= 0) {
          throw new MrtException("parameter '" + name + "' has shape " + p.getValue().shape()
              + "; MXNet's V2 params format cannot hold a dimension of " + d);
        }
      }
      byte[] full = ((aux.contains(name) ? "aux:" : "arg:") + name).getBytes(StandardCharsets.UTF_8);
      names.add(full);
      total += 4 + 4 + 4 + 8L * dims.length + 4 + 4 + 4 + 4L * p.getValue().data().length + 8 + full.length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new MrtException("parameters need " + total + " bytes, more than one params file written here holds");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(MxNdArrayFormat.LIST_MAGIC).putLong(0).putLong(params.size());
    for (FTensor t : params.values()) {
      int[] dims = t.shape().dims();
      out.putInt(MxNdArrayFormat.V2_MAGIC).putInt(MxNdArrayFormat.STYPE_DENSE).putInt(dims.length);
      for (int d : dims) {
        out.putLong(d);
      }
      out.putInt(MxNdArrayFormat.DEV_CPU).putInt(0).putInt(MxNdArrayFormat.FLOAT32);
      out.asFloatBuffer().put(t.data());
      out.position(out.position() + 4 * t.data().length);
    }
    out.putLong(names.size());
    for (byte[] n : names) {
      out.putLong(n.length).put(n);
    }
    return out.array();
  }
}
