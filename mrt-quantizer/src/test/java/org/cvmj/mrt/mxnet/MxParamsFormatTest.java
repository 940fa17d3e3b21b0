package org.cvmj.mrt.mxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class MxParamsFormatTest {

  /** w: shape (1, 2) = [1.0, -2.0] (arg); m: shape (1,) = [0.5] (aux). */
  static byte[] twoArrays() {
    Map<String, FTensor> p = new LinkedHashMap<>();
    p.put("w", FTensor.of(Shape.of(1, 2), 1.0f, -2.0f));
    p.put("m", FTensor.of(Shape.of(1), 0.5f));
    return MxParamsWriter.write(p, Set.of("m"));
  }

  @Test
  void writerProducesTheSpecLayoutByteForByte() {
    // Worked out from spec §3; floats: 1.0f = 0x3F800000, -2.0f = 0xC0000000, 0.5f = 0x3F000000.
    byte[] expected = LeBytes.hex(String.join(" ",
        "12 01 00 00 00 00 00 00", // list magic 0x112
        "00 00 00 00 00 00 00 00", // reserved
        "02 00 00 00 00 00 00 00", // 2 arrays
        // record 0: V2 magic, dense, ndim 2, dims 1 and 2 (i64), cpu(0), float32, data
        "c9 fa 93 f9", "00 00 00 00", "02 00 00 00",
        "01 00 00 00 00 00 00 00", "02 00 00 00 00 00 00 00",
        "01 00 00 00", "00 00 00 00", "00 00 00 00",
        "00 00 80 3f", "00 00 00 c0",
        // record 1: ndim 1, dim 1
        "c9 fa 93 f9", "00 00 00 00", "01 00 00 00", "01 00 00 00 00 00 00 00",
        "01 00 00 00", "00 00 00 00", "00 00 00 00", "00 00 00 3f",
        // names: 2, then u64 length + UTF-8
        "02 00 00 00 00 00 00 00",
        "05 00 00 00 00 00 00 00", "61 72 67 3a 77", // arg:w
        "05 00 00 00 00 00 00 00", "61 75 78 3a 6d")); // aux:m
    assertEquals(24 + 48 + 36 + 34, expected.length);
    assertArrayEquals(expected, twoArrays());
  }

  @Test
  void readBackIsBitIdentical() {
    float[] odd = {0.0f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.intBitsToFloat(0x7FC00123),
        Float.NEGATIVE_INFINITY, 1.0f / 3.0f};
    Map<String, FTensor> p = new LinkedHashMap<>();
    p.put("odd", FTensor.of(Shape.of(7), odd));
    p.put("w", FTensor.of(Shape.of(1, 2), 1.0f, -2.0f));
    MxParams back = MxParamsReader.parse(MxParamsWriter.write(p, Set.of()), "t.params");
    assertEquals(List.of("odd", "w"), List.copyOf(back.tensors().keySet()));
    int[] want = new int[odd.length];
    int[] got = new int[odd.length];
    for (int i = 0; i < odd.length; i++) {
      want[i] = Float.floatToRawIntBits(odd[i]);
      got[i] = Float.floatToRawIntBits(back.tensors().get("odd").data()[i]);
    }
    assertArrayEquals(want, got);
    assertEquals(Shape.of(7), back.tensors().get("odd").shape());
    assertEquals(Set.of(), back.aux());

    MxParams two = MxParamsReader.parse(twoArrays(), "two.params");
    assertEquals(Set.of("m"), two.aux());
    assertEquals(Shape.of(1, 2), two.tensors().get("w").shape());
    assertArrayEquals(new float[] {1.0f, -2.0f}, two.tensors().get("w").data());
    assertArrayEquals(new float[] {0.5f}, two.tensors().get("m").data());
  }

  @Test
  void v1RecordReads() {
    byte[] file = new LeBytes().header(1)
        .i32(0xF993FAC8).i32(2).i64(2).i64(2) // V1: no storage type, TShape with i64 dims
        .i32(1).i32(0).i32(0)
        .f32(1).f32(2).f32(3).f32(4)
        .i64(1).str("arg:a").bytes();
    MxParams p = MxParamsReader.parse(file, "v1.params");
    assertEquals(Shape.of(2, 2), p.tensors().get("a").shape());
    assertArrayEquals(new float[] {1, 2, 3, 4}, p.tensors().get("a").data());
  }

  @Test
  void legacyRecordReads() {
    byte[] file = new LeBytes().header(1)
        .i32(2).i32(3).i32(1) // legacy: the first word is ndim, dims are u32: shape (3, 1)
        .i32(2).i32(1).i32(0) // gpu(1): MXNet loads to the CPU anyway
        .f32(-1).f32(0.25f).f32(7)
        .i64(1).str("aux:bn_moving_var").bytes();
    MxParams p = MxParamsReader.parse(file, "legacy.params");
    assertEquals(Shape.of(3, 1), p.tensors().get("bn_moving_var").shape());
    assertArrayEquals(new float[] {-1, 0.25f, 7}, p.tensors().get("bn_moving_var").data());
    assertEquals(Set.of("bn_moving_var"), p.aux());
  }

  @Test
  void v3RecordsWithScalarAndFloat64Read() {
    byte[] file = new LeBytes().header(2)
        .i32(0xF993FACA).i32(0).i32(0) // V3, dense, ndim 0 = a scalar in numpy semantics
        .i32(1).i32(0).i32(1).f64(2.5) // float64
        .i32(0xF993FACA).i32(0).i32(1).i64(3)
        .i32(1).i32(0).i32(1).f64(0.1).f64(-1e300).f64(1e-50) // float64, out of float range at both ends
        .i64(2).str("s").str("d").bytes();
    MxParams p = MxParamsReader.parse(file, "v3.params");
    assertEquals(Shape.of(), p.tensors().get("s").shape());
    assertArrayEquals(new float[] {2.5f}, p.tensors().get("s").data());
    assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY, 0.0f}, p.tensors().get("d").data());
  }

  @Test
  void float16IsConvertedExactly() {
    int[] halves = {0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8000, 0x7C00, 0x3555, 0x0400};
    LeBytes b = new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(1).i64(halves.length).i32(1).i32(0).i32(2);
    for (int h : halves) {
      b.u16(h);
    }
    byte[] file = b.i64(1).str("h").bytes();
    float[] got = MxParamsReader.parse(file, "f16.params").tensors().get("h").data();
    // 1, -2, largest half 65504, smallest subnormal 2^-24, -0, +inf, 1365/4096, smallest normal 2^-14
    float[] want = {1f, -2f, 65504f, 0x1p-24f, -0.0f, Float.POSITIVE_INFINITY, 1365f / 4096f, 0x1p-14f};
    assertEquals(Arrays.toString(want), Arrays.toString(got));
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(got[4]));
  }

  @Test
  void gluonNamesWithoutPrefixRead() {
    byte[] file = new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(1).i64(1).i32(1).i32(0).i32(0).f32(3)
        .i64(1).str("dense0_weight").bytes();
    MxParams p = MxParamsReader.parse(file, "gluon.params");
    assertEquals(List.of("dense0_weight"), List.copyOf(p.tensors().keySet()));
    assertEquals(Set.of(), p.aux());
  }

  @Test
  void emptyListReads() {
    MxParams p = MxParamsReader.parse(new LeBytes().header(0).i64(0).bytes(), "empty.params");
    assertEquals(Map.of(), p.tensors());
  }
}
