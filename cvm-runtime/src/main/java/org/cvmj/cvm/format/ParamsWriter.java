package org.cvmj.cvm.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a params file in the layout {@link ParamsReader} reads (and the reference runtime loads). */
public final class ParamsWriter {
  private ParamsWriter() {}

  public static byte[] write(List<ParamTensor> tensors) {
    long size = 32;
    byte[][] names = new byte[tensors.size()][];
    for (int i = 0; i < tensors.size(); i++) {
      ParamTensor t = tensors.get(i);
      names[i] = t.name().getBytes(StandardCharsets.UTF_8);
      size += 8 + names[i].length + 16 + 16 + 8L * t.shape().ndim() + 8 + (long) t.values().length * (t.bits() / 8);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("params larger than 2 GiB cannot be written");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(ParamsFormat.LIST_MAGIC).putLong(0).putLong(names.length);
    for (byte[] name : names) {
      out.putLong(name.length).put(name);
    }
    out.putLong(tensors.size());
    for (ParamTensor t : tensors) {
      out.putLong(ParamsFormat.TENSOR_MAGIC).putLong(0);
      out.putInt(t.deviceType()).putInt(t.deviceId()).putInt(t.shape().ndim());
      out.put((byte) ParamsFormat.DTYPE_INT).put((byte) t.bits()).putShort((short) 1);
      for (int d : t.shape().dims()) {
        out.putLong(d);
      }
      out.putLong((long) t.values().length * (t.bits() / 8));
      for (int v : t.values()) {
        if (t.bits() == 8) {
          out.put((byte) v);
        } else {
          out.putInt(v);
        }
      }
    }
    return out.array();
  }
}
