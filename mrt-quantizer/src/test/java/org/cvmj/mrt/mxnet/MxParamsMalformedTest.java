package org.cvmj.mrt.mxnet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.cvmj.mrt.graph.FTensor;
import org.junit.jupiter.api.Test;

class MxParamsMalformedTest {

  private static String rejects(byte[] file, String... parts) {
    MrtException e = assertThrows(MrtException.class, () -> MxParamsReader.parse(file, "bad.params"));
    assertTrue(e.getMessage().startsWith("bad.params: "), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }
    return e.getMessage();
  }

  /** One dense V2 float32 record of shape (n,), without the list header. */
  private static LeBytes record(LeBytes b, int dtype, float... values) {
    b.i32(0xF993FAC9).i32(0).i32(1).i64(values.length).i32(1).i32(0).i32(dtype);
    for (float v : values) {
      b.f32(v);
    }
    return b;
  }

  @Test
  void truncationAtEveryOffsetNamesTheOffset() {
    byte[] whole = MxParamsFormatTest.twoArrays();
    for (int len = 0; len < whole.length; len++) {
      String msg = rejects(Arrays.copyOf(whole, len), "byte ");
      assertTrue(msg.contains("file ends") || msg.contains("left") || msg.contains("names"),
          "length " + len + ": " + msg);
    }
    byte[] longer = Arrays.copyOf(whole, whole.length + 3);
    rejects(longer, "byte " + whole.length, "3 unexpected bytes");
  }

  @Test
  void truncatedDataNamesArrayAndOffset() {
    // Header 24 bytes; record 0's data starts at 24 + 4+4+4+16+12 = 64 and needs 8 bytes.
    byte[] whole = MxParamsFormatTest.twoArrays();
    rejects(Arrays.copyOf(whole, 66), "byte 64", "array 0", "needs 8 bytes, only 2 left");
  }

  // Offsets below: the header is 24 bytes; a V2 record of shape (1,) is 36 (magic 24, stype 28, ndim 32, dim 36,
  // device 44, device id 48, dtype 52, data 56), so what follows one such record starts at byte 60.
  @Test
  void hugeCountsAreRejectedBeforeAllocating() {
    rejects(new LeBytes().header(1L << 62).bytes(), "byte 16", "number of arrays is 4611686018427387904");
    rejects(new LeBytes().header(-1L).bytes(), "byte 16", "18446744073709551615");
    rejects(new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(Integer.MAX_VALUE).bytes(),
        "byte 32", "array 0", "number of dimensions 2147483647");
    rejects(new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(4)
            .i64(Integer.MAX_VALUE).i64(Integer.MAX_VALUE).i64(Integer.MAX_VALUE).i64(Integer.MAX_VALUE)
            .i32(1).i32(0).i32(0).bytes(),
        "byte 80", "array 0", "more than 2^63 bytes");
    rejects(new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(1).i64(1L << 40).bytes(),
        "byte 36", "dimension 0 is 1099511627776");
    rejects(record(new LeBytes().header(1), 0, 1f).i64(1).i64(1L << 50).bytes(),
        "byte 68", "name length is 1125899906842624");
    rejects(record(new LeBytes().header(1), 0, 1f).i64(5).bytes(), "byte 60", "number of names is 5");
    rejects(record(new LeBytes().header(1), 0, 1f).i64(2).str("arg:a").str("arg:b").bytes(),
        "byte 60", "1 array(s) but 2 name(s)");
  }

  @Test
  void wrongMagicsAndUnknownFields() {
    rejects(new LeBytes().i64(0x113).i64(0).i64(0).i64(0).bytes(), "byte 0", "0x113", "not an MXNet NDArray list");
    // 0x12345678 is no record magic, so it is read as a legacy ndim, which cannot fit.
    rejects(new LeBytes().header(1).i32(0x12345678).i32(0).bytes(), "byte 24", "array 0", "legacy");
    rejects(record(new LeBytes().header(1), 42, 1f).i64(1).str("arg:a").bytes(),
        "byte 52", "array 0", "data type flag 42");
    rejects(new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(1).i64(1).i32(7).i32(0).i32(0).f32(1)
        .i64(1).str("arg:a").bytes(), "byte 44", "device type 7");
  }

  @Test
  void unsupportedDtypeNamesArrayAndType() {
    byte[] file = record(record(new LeBytes().header(2), 0, 1f), 4, Float.intBitsToFloat(7))
        .i64(2).str("arg:ok").str("arg:counts").bytes();
    rejects(file, "byte 60", "array 1 'arg:counts'", "int32", "not supported");
  }

  @Test
  void sparseStorageIsRejected() {
    rejects(new LeBytes().header(1).i32(0xF993FAC9).i32(1).bytes(), "byte 28", "row_sparse", "only dense");
    rejects(new LeBytes().header(1).i32(0xF993FACA).i32(2).bytes(), "byte 28", "csr");
  }

  @Test
  void namesMustBeConsistent() {
    rejects(record(record(new LeBytes().header(2), 0, 1f), 0, 2f).i64(2).str("arg:a").str("b").bytes(),
        "array 1 'b'", "no arg:/aux: prefix", "'arg:a'");
    rejects(record(record(new LeBytes().header(2), 0, 1f), 0, 2f).i64(2).str("a").str("aux:b").bytes(),
        "array 1 'aux:b'", "has an arg:/aux: prefix");
    rejects(record(record(new LeBytes().header(2), 0, 1f), 0, 2f).i64(2).str("arg:a").str("aux:a").bytes(),
        "array 1 'aux:a'", "appears twice");
    rejects(record(new LeBytes().header(1), 0, 1f).i64(0).bytes(), "byte 60", "no names");
    rejects(record(new LeBytes().header(1), 0, 1f).i64(1).i64(2).u8(0xC3).u8(0x28).bytes(),
        "byte 68", "not valid UTF-8");
    rejects(record(new LeBytes().header(1), 0, 1f).i64(1).str("arg:").bytes(), "empty parameter name");
  }

  @Test
  void arraysWithoutShapeAreRejectedByName() {
    byte[] none = new LeBytes().header(1).i32(0xF993FAC9).i32(0).i32(0).i64(1).str("arg:gone").bytes();
    rejects(none, "byte 24", "array 0 'arg:gone'", "no shape");
  }

  @Test
  void writerRefusesShapesV2CannotHold() {
    MrtException e = assertThrows(MrtException.class,
        () -> MxParamsWriter.write(Map.of("s", FTensor.of(Shape.of(), 1f)), Set.of()));
    assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("scalar"), e.getMessage());
    e = assertThrows(MrtException.class,
        () -> MxParamsWriter.write(Map.of("z", FTensor.of(Shape.of(2, 0))), Set.of()));
    assertTrue(e.getMessage().contains("'z'") && e.getMessage().contains("(2, 0)"), e.getMessage());
  }

  /** Random corruption of a valid file: the reader either succeeds or throws MrtException, nothing else. */
  @Test
  void corruptedFilesNeverThrowAnythingElse() {
    byte[] whole = MxParamsFormatTest.twoArrays();
    Random rnd = new Random(20240611L);
    for (int iter = 0; iter < 5000; iter++) {
      byte[] b = whole.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int f = 0; f < flips; f++) {
        int at = rnd.nextInt(b.length);
        b[at] = rnd.nextInt(3) == 0 ? (byte) 0xFF : (byte) rnd.nextInt(256);
      }
      try {
        MxParamsReader.parse(b, "fuzz.params");
      } catch (MrtException expected) {
        // fine
      } catch (RuntimeException | Error e) {
        fail("iteration " + iter + ": " + e + " for " + Arrays.toString(b));
      }
    }
  }
}
