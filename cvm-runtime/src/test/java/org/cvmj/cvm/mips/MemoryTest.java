package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MemoryTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void emptyMemoryHasTheDesignBZeroRoot() {
    // Z[1] and Z[27] as given by spec/mips-fault-proof.md §4.2
    assertEquals("ad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5", HEX.formatHex(MemoryTree.ZERO[1]));
    assertEquals("838c5655cb21c6cb83313b5a631175dff4963772cce9108188b34ac87c81c41e",
        HEX.formatHex(new Memory().root()));
  }

  @Test
  void rootEqualsANaiveTreeAfterScatteredWritesAndRewrites() {
    Random rnd = new Random(7);
    Memory m = new Memory();
    TreeMap<Integer, Integer> words = new TreeMap<>();
    for (int round = 0; round < 4; round++) {
      for (int k = 0; k < 40; k++) {
        int addr = (round == 0 ? rnd.nextInt() : (rnd.nextInt(64) << 2) + 0x400000) & ~3;
        int value = rnd.nextInt();
        m.writeWord(addr, value);
        words.put(addr, value);
      }
      assertArrayEquals(naiveRoot(words), m.root(), "round " + round);
    }
  }

  @Test
  void proofsRecomputeTheRootAndCopiesAreIndependent() {
    Memory m = new Memory();
    m.writeWord(0x00400010, 0x12345678);
    m.writeWord(0x7FFFCFFC, -1);
    byte[] root = m.root();
    for (int addr : new int[] {0x00400010, 0x00400014, 0x7FFFCFFC, 0x12345670, 0}) {
      byte[] proof = m.proof(addr);
      assertArrayEquals(root, rootFromProof(proof, addr), "proof of 0x" + Integer.toHexString(addr));
    }
    Memory copy = m.copy();
    copy.writeWord(0x00400010, 0);
    assertArrayEquals(root, m.root());
    assertEquals(0x12345678, m.readWord(0x00400010));
    assertEquals(0, copy.readWord(0x00400010));
  }

  @Test
  void bytesAreBigEndianWithinWords() {
    Memory m = new Memory();
    m.writeBytes(0x1001, new byte[] {1, 2, 3, 4, 5});
    assertEquals(0x00010203, m.readWord(0x1000));
    assertEquals(0x04050000, m.readWord(0x1004));
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 0}, m.readBytes(0x1000, 7));
  }

  static byte[] rootFromProof(byte[] proof, int addr) {
    Keccak k = new Keccak();
    byte[] node = java.util.Arrays.copyOf(proof, 32);
    for (int h = 0; h < 27; h++) {
      byte[] sib = java.util.Arrays.copyOfRange(proof, 32 * (h + 1), 32 * (h + 2));
      node = ((addr >>> (5 + h)) & 1) == 0 ? k.hashPair(node, sib) : k.hashPair(sib, node);
    }
    return node;
  }

  /** The tree by its definition, expanding only subtrees that hold a written word. */
  private static byte[] naiveRoot(TreeMap<Integer, Integer> words) {
    return node(new Keccak(), words, 27, 0);
  }

  private static byte[] node(Keccak k, TreeMap<Integer, Integer> words, int height, long index) {
    long from = index << (5 + height);
    long to = (index + 1) << (5 + height);
    var sub = unsignedRange(words, from, to);
    if (sub.isEmpty()) {
      return MemoryTree.ZERO[height];
    }
    if (height == 0) {
      byte[] leaf = new byte[32];
      for (var e : sub.entrySet()) {
        int at = e.getKey() & 31;
        int v = e.getValue();
        leaf[at] = (byte) (v >>> 24);
        leaf[at + 1] = (byte) (v >>> 16);
        leaf[at + 2] = (byte) (v >>> 8);
        leaf[at + 3] = (byte) v;
      }
      return leaf;
    }
    return k.hashPair(node(k, words, height - 1, 2 * index), node(k, words, height - 1, 2 * index + 1));
  }

  private static java.util.SortedMap<Integer, Integer> unsignedRange(TreeMap<Integer, Integer> words, long from, long to) {
    TreeMap<Integer, Integer> out = new TreeMap<>();
    for (var e : words.entrySet()) {
      long a = Integer.toUnsignedLong(e.getKey());
      if (a >= from && a < to) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
