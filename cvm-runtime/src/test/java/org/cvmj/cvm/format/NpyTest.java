package org.cvmj.cvm.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.cvmj.cvm.model.ModelException;
import org.cvmj.cvm.tensor.Shape;
import org.junit.jupiter.api.Test;

class NpyTest {
  /** A version 1.0 file with the given descr and shape text, followed by {@code data}. */
  private static byte[] npy(String descr, String shape, byte[] data) {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
    return b.array();
  }

  private static byte[] bytes(ByteOrder order, int capacity, java.util.function.Consumer<ByteBuffer> fill) {
    ByteBuffer b = ByteBuffer.allocate(capacity).order(order);
    fill.accept(b);
    return b.array();
  }

  @Test
  void writtenIntegersReadBack() throws ModelException {
    byte[] file = Npy.write(Shape.of(2, 2), new int[] {-7, 0, 100000, 3}, 4);
    Npy.Array a = Npy.read(file);
    assertEquals(Shape.of(2, 2), a.shape());
    assertArrayEquals(new int[] {-7, 0, 100000, 3}, a.values());
    assertArrayEquals(new float[] {-7, 0, 100000, 3}, Npy.readFloats(file).values());
  }

  @Test
  void float32LittleEndian() throws ModelException {
    byte[] data = bytes(ByteOrder.LITTLE_ENDIAN, 12, b -> b.putFloat(0.5f).putFloat(-1.25f).putFloat(3e-3f));
    Npy.FloatArray a = Npy.readFloats(npy("<f4", "(3,)", data));
    assertEquals(Shape.of(3), a.shape());
    assertArrayEquals(new float[] {0.5f, -1.25f, 3e-3f}, a.values());
  }

  @Test
  void float64BigEndianRoundsToFloat() throws ModelException {
    byte[] data = bytes(ByteOrder.BIG_ENDIAN, 16, b -> b.putDouble(0.1).putDouble(-2.0));
    Npy.FloatArray a = Npy.readFloats(npy(">f8", "(1, 2)", data));
    assertEquals(Shape.of(1, 2), a.shape());
    assertArrayEquals(new float[] {0.1f, -2f}, a.values());
  }

  @Test
  void uint8AndInt64AsFloats() throws ModelException {
    assertArrayEquals(new float[] {0, 128, 255},
        Npy.readFloats(npy("|u1", "(3,)", new byte[] {0, (byte) 128, (byte) 255})).values());
    byte[] longs = bytes(ByteOrder.LITTLE_ENDIAN, 16, b -> b.putLong(9).putLong(-3));
    assertArrayEquals(new float[] {9, -3}, Npy.readFloats(npy("<i8", "(2,)", longs)).values());
    byte[] u32 = bytes(ByteOrder.LITTLE_ENDIAN, 4, b -> b.putInt(-1));
    assertArrayEquals(new float[] {4294967295f}, Npy.readFloats(npy("<u4", "(1,)", u32)).values());
  }

  @Test
  void integerReadRejectsFloatsNamingTheDtype() {
    byte[] file = npy("<f4", "(1,)", new byte[4]);
    ModelException e = assertThrows(ModelException.class, () -> Npy.read(file));
    assertTrue(e.getMessage().contains("dtype f4 is not supported"), e.getMessage());
  }

  @Test
  void floatReadRejectsOtherDtypes() {
    ModelException e = assertThrows(ModelException.class, () -> Npy.readFloats(npy("|b1", "(2,)", new byte[2])));
    assertTrue(e.getMessage().contains("dtype b1 is not supported"), e.getMessage());
  }

  @Test
  void dataLengthMustMatchTheShape() {
    ModelException e = assertThrows(ModelException.class, () -> Npy.readFloats(npy("<f4", "(2, 2)", new byte[12])));
    assertTrue(e.getMessage().contains("shape (2, 2) needs 16 data bytes, the file has 12"), e.getMessage());
  }

  @Test
  void notAnNpyFile() {
    ModelException e = assertThrows(ModelException.class, () -> Npy.readFloats("hello world!".getBytes()));
    assertTrue(e.getMessage().contains("not an .npy file"), e.getMessage());
  }
}
