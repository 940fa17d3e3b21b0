package org.cvmj.mrt.mxnet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds little-endian byte strings by hand, field by field, for params-format tests. */
final class LeBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  LeBytes u8(int v) {
    out.write(v);
    return this;
  }

  LeBytes u16(int v) {
    return u8(v & 0xFF).u8((v >>> 8) & 0xFF);
  }

  LeBytes i32(int v) {
    return u16(v & 0xFFFF).u16(v >>> 16);
  }

  LeBytes i64(long v) {
    return i32((int) v).i32((int) (v >>> 32));
  }

  LeBytes f32(float v) {
    return i32(Float.floatToRawIntBits(v));
  }

  LeBytes f64(double v) {
    return i64(Double.doubleToRawLongBits(v));
  }

  /** A dmlc string: u64 length, then the UTF-8 bytes. */
  LeBytes str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    i64(b.length);
    out.writeBytes(b);
    return this;
  }

  /** The NDArray-list header: magic 0x112, reserved 0, n arrays. */
  LeBytes header(long n) {
    return i64(0x112).i64(0).i64(n);
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** Parses "12 01 00 ..." into bytes. */
  static byte[] hex(String spaced) {
    String[] parts = spaced.trim().split("\\s+");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return b;
  }
}
