package org.cvmj.mrt.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.cvmj.cvm.tensor.Shape;
import org.cvmj.mrt.MrtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  /** A 2×3 unsigned-byte IDX file, as MNIST's image files are laid out. */
  static final byte[] U8_2X3 = {0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 1, 2, (byte) 253, (byte) 254, (byte) 255};

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void plainUnsignedBytes() {
    IdxArray a = IdxReader.read(U8_2X3, "a.idx");
    assertEquals(IdxType.U8, a.type());
    assertEquals(Shape.of(2, 3), a.shape());
    assertArrayEquals(new float[] {0, 1, 2, 253, 254, 255}, a.toFloats());
    assertArrayEquals(new int[] {0, 1, 2, 253, 254, 255}, a.toInts());
  }

  @Test
  void gzipIsDetectedByContentNotName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("labels-without-gz-suffix");
    Files.write(file, gzip(U8_2X3));
    IdxArray a = IdxReader.read(file);
    assertEquals(Shape.of(2, 3), a.shape());
    assertArrayEquals(new int[] {0, 1, 2, 253, 254, 255}, a.toInts());
    Path plainNamedGz = dir.resolve("plain.gz");
    Files.write(plainNamedGz, U8_2X3);
    assertArrayEquals(new int[] {0, 1, 2, 253, 254, 255}, IdxReader.read(plainNamedGz).toInts());
  }

  @Test
  void signedAndWideTypesAreBigEndian() {
    byte[] i8 = {0, 0, 0x09, 1, 0, 0, 0, 2, (byte) 0xFF, 0x7F};
    assertArrayEquals(new int[] {-1, 127}, IdxReader.read(i8, "i8").toInts());
    byte[] i16 = {0, 0, 0x0B, 1, 0, 0, 0, 2, (byte) 0xFF, (byte) 0xFE, 0x01, 0x00};
    assertArrayEquals(new int[] {-2, 256}, IdxReader.read(i16, "i16").toInts());
    byte[] i32 = {0, 0, 0x0C, 1, 0, 0, 0, 1, 0x00, 0x01, 0x00, 0x02};
    assertArrayEquals(new int[] {65538}, IdxReader.read(i32, "i32").toInts());
    ByteBuffer f32 = ByteBuffer.allocate(8 + 8).put(new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 2}).putFloat(0.5f)
        .putFloat(-3.25f);
    IdxArray floats = IdxReader.read(f32.array(), "f32");
    assertEquals(IdxType.F32, floats.type());
    assertArrayEquals(new float[] {0.5f, -3.25f}, floats.toFloats());
    ByteBuffer f64 = ByteBuffer.allocate(8 + 8).put(new byte[] {0, 0, 0x0E, 1, 0, 0, 0, 1}).putDouble(0.1);
    assertArrayEquals(new float[] {0.1f}, IdxReader.read(f64.array(), "f64").toFloats());
  }

  @Test
  void floatLabelsAreRejected() {
    byte[] f32 = {0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, (byte) 0x80, 0, 0};
    MrtException e = assertThrows(MrtException.class, () -> IdxReader.read(f32, "labels.idx").toInts());
    assertEquals("labels.idx: holds float32 values where integers (labels) were expected", e.getMessage());
  }

  @Test
  void truncatedDataNamesFileAndOffset() {
    byte[] shortFile = java.util.Arrays.copyOf(U8_2X3, U8_2X3.length - 2);
    MrtException e = assertThrows(MrtException.class, () -> IdxReader.read(shortFile, "t.idx"));
    assertEquals("t.idx: dimensions (2, 3) of unsigned byte need 6 data bytes from offset 12, the file has 4 "
        + "(truncated)", e.getMessage());
  }

  @Test
  void trailingBytesAreAnError() {
    byte[] longFile = java.util.Arrays.copyOf(U8_2X3, U8_2X3.length + 1);
    MrtException e = assertThrows(MrtException.class, () -> IdxReader.read(longFile, "t.idx"));
    assertEquals("t.idx: dimensions (2, 3) of unsigned byte need 6 data bytes from offset 12, the file has 7 "
        + "(trailing bytes)", e.getMessage());
  }

  @Test
  void truncatedHeader() {
    byte[] header = {0, 0, 0x08, 3, 0, 0, 0, 5};
    MrtException e = assertThrows(MrtException.class, () -> IdxReader.read(header, "h.idx"));
    assertEquals("h.idx: truncated header: 3 dimensions need 16 header bytes, the file has 8", e.getMessage());
  }

  @Test
  void badMagicAndUnknownType() {
    MrtException e = assertThrows(MrtException.class,
        () -> IdxReader.read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "x.png"));
    assertEquals("x.png: offset 0: not an IDX file (the magic number must start with two zero bytes, got 0x89 0x50)",
        e.getMessage());
    MrtException t = assertThrows(MrtException.class,
        () -> IdxReader.read(new byte[] {0, 0, 0x07, 1, 0, 0, 0, 0}, "y.idx"));
    assertEquals("y.idx: offset 2: unknown IDX element type 0x07 (known: 0x08 unsigned byte, 0x09 signed byte, "
        + "0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64)", t.getMessage());
  }

  @Test
  void corruptGzip(@TempDir Path dir) throws IOException {
    byte[] gz = gzip(U8_2X3);
    Path file = dir.resolve("cut.gz");
    Files.write(file, java.util.Arrays.copyOf(gz, gz.length - 10));
    MrtException e = assertThrows(MrtException.class, () -> IdxReader.read(file));
    assertEquals(true, e.getMessage().startsWith(file + ": corrupt gzip data"), e.getMessage());
  }

  @Test
  void missingFile(@TempDir Path dir) {
    MrtException e = assertThrows(MrtException.class, () -> IdxReader.read(dir.resolve("nope")));
    assertEquals(dir.resolve("nope") + ": no such file", e.getMessage());
  }
}
