package org.cvmj.chain.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.junit.jupiter.api.Test;

class LogsBloomTest {

  @Test
  void zeroAddressSetsTheThreeBitsTheYellowPaperGives() {
    // keccak(20 zero bytes) = 5380c7b7ae81...; the first three byte pairs masked to 11 bits are
    // 0x5380 & 0x7ff = 896, 0xc7b7 & 0x7ff = 1975, 0xae81 & 0x7ff = 1665.
    assertEquals("0x5380c7b7ae81a58eb98d9c78de4a1fd7fd9535fc953ed2be602daaa41767312a",
        Keccak256.hash(new byte[20]).toHex());
    assertArrayEquals(new int[] {896, 1975, 1665}, LogsBloom.bitIndices(new byte[20]));
    // Bit i lives in byte 255 - i/8 at bit i%8: 896 -> byte 143 bit 0, 1975 -> byte 9 bit 7, 1665 -> byte 47 bit 1.
    byte[] expected = new byte[256];
    expected[143] = 0x01;
    expected[9] = (byte) 0x80;
    expected[47] = 0x02;
    LogsBloom bloom = LogsBloom.of(List.of(new Log(Address.ZERO, List.of(), new byte[] {1, 2, 3})));
    assertArrayEquals(expected, bloom.bytes());
  }

  @Test
  void topicsAreAddedAndDataIsNot() {
    Address a = Address.ofLong(0xabcdef);
    Word topic = Word.of(42);
    LogsBloom withData = LogsBloom.of(List.of(new Log(a, List.of(topic), new byte[] {9, 9})));
    LogsBloom noData = LogsBloom.of(List.of(new Log(a, List.of(topic), new byte[0])));
    assertEquals(withData, noData);
    assertTrue(withData.mayContain(a));
    assertTrue(withData.mayContain(topic.toBytes()));
    assertFalse(withData.mayContain(Address.ofLong(0xabcdee)));
    int bits = 0;
    for (byte b : withData.bytes()) {
      bits += Integer.bitCount(b & 0xff);
    }
    assertTrue(bits >= 4 && bits <= 6, "address and topic set 3 bits each, possibly overlapping: " + bits);
  }

  @Test
  void unionOfReceiptBloomsIsBitwiseOr() {
    LogsBloom a = LogsBloom.of(List.of(new Log(Address.ZERO, List.of(), new byte[0])));
    LogsBloom b = LogsBloom.of(List.of(new Log(Address.ofLong(1), List.of(), new byte[0])));
    byte[] or = new byte[256];
    for (int i = 0; i < 256; i++) {
      or[i] = (byte) (a.bytes()[i] | b.bytes()[i]);
    }
    assertArrayEquals(or, LogsBloom.union(List.of(a, b)).bytes());
    assertTrue(LogsBloom.union(List.of()).isEmpty());
  }
}
