package org.cvmj.chain.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.cvmj.chain.crypto.Hex;
import org.junit.jupiter.api.Test;

class RlpReaderTest {

  @Test
  void readsTypedFieldsOfAList() throws RlpException {
    // ["cat", 1024, [0x01]]
    byte[] in = Hex.decode("0xc9836361748204 00c101".replace(" ", ""));
    RlpReader list = new RlpReader(in).readList();
    assertArrayEquals("cat".getBytes(), list.readBytes());
    assertEquals(1024, list.readLong());
    RlpReader inner = list.readList();
    assertEquals(1, inner.readLong());
    assertFalse(list.hasNext());
  }

  @Test
  void integersMustBeMinimal() {
    RlpException e = assertThrows(RlpException.class, () -> new RlpReader(Hex.decode("820001")).readLong());
    assertEquals(0, e.offset());
    assertThrows(RlpException.class, () -> new RlpReader(Hex.decode("00")).readLong());
  }

  @Test
  void integerSizeLimits() throws RlpException {
    byte[] nine = Hex.decode("89010000000000000000");
    assertThrows(RlpException.class, () -> new RlpReader(nine).readLong());
    assertEquals(BigInteger.ONE.shiftLeft(64), new RlpReader(nine).readBigInteger(32));
    assertThrows(RlpException.class, () -> new RlpReader(nine).readBigInteger(8));
    assertEquals(-1L, new RlpReader(Hex.decode("88ffffffffffffffff")).readLong());
  }

  @Test
  void errorOffsetPointsInsideNestedInput() {
    // list of two items, the second a non-canonical single byte at offset 2
    RlpException e = assertThrows(RlpException.class, () -> RlpItem.decode(Hex.decode("c3018105")));
    assertEquals(2, e.offset());
  }

  @Test
  void writerHandlesNestedAndLongLists() throws RlpException {
    RlpWriter w = new RlpWriter().startList().startList().endList();
    byte[] big = new byte[100];
    w.writeBytes(big).startList().writeLong(0x1234).endList().endList();
    byte[] enc = w.toByteArray();
    RlpReader r = new RlpReader(enc).readList();
    assertFalse(r.readList().hasNext());
    assertArrayEquals(big, r.readBytes());
    assertEquals(0x1234, r.readList().readLong());
    // payload: c0 (1) + b864 and 100 bytes (102) + c3821234 (4) = 107 = 0x6b
    assertEquals("f86bc0b864", Hex.encodeBare(java.util.Arrays.copyOf(enc, 5)));
  }
}
