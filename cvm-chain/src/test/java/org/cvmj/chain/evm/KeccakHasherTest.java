package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.cvmj.chain.crypto.Keccak256;
import org.junit.jupiter.api.Test;

class KeccakHasherTest {
  @Test
  void emptyInputHashesToTheKnownDigest() {
    assertEquals(Word.fromHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        new KeccakHasher().hash(new byte[0], 0, 0));
  }

  /** Every length across the first blocks' boundaries (135, 136, 137, 271, 272...), at offsets, one reused hasher. */
  @Test
  void agreesWithTheReferenceDigestAtEveryLengthAndOffset() {
    SplittableRandom rnd = new SplittableRandom(17);
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) rnd.nextInt(256);
    }
    KeccakHasher hasher = new KeccakHasher();
    for (int length = 0; length <= 600; length++) {
      int offset = rnd.nextInt(data.length - length + 1);
      Word expected = Word.fromBytes(Keccak256.digest(data, offset, length));
      assertEquals(expected, hasher.hash(data, offset, length), "length " + length + " at " + offset);
    }
  }
}
