package org.cvmj.chain.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.junit.jupiter.api.Test;

class TrieTest {

  @Test
  void emptyRootIsEthereums() {
    assertEquals(Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"),
        new Trie(new MemoryNodeStore()).rootHash());
  }

  @Test
  void rootDependsOnlyOnContentsWhateverTheHistory() {
    Random rnd = new Random(7);
    List<byte[]> keys = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (keys.size() < 400) {
      byte[] k = new byte[1 + rnd.nextInt(6)];
      rnd.nextBytes(k);
      k[0] &= 0x13; // force shared prefixes
      if (seen.add(Hex.encode(k))) {
        keys.add(k);
      }
    }
    MemoryNodeStore store = new MemoryNodeStore();
    Trie all = new Trie(store);
    for (byte[] k : keys) {
      all.put(k, value(k));
    }
    Hash committed = all.commit();
    // Reopen from the store and delete half, which forces hash-referenced nodes to load and collapse.
    Trie reopened = new Trie(store, committed);
    List<byte[]> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, rnd);
    List<byte[]> kept = shuffled.subList(0, 200);
    for (byte[] k : shuffled.subList(200, 400)) {
      reopened.delete(k);
    }
    Trie fresh = new Trie(new MemoryNodeStore());
    List<byte[]> reversed = new ArrayList<>(kept);
    Collections.reverse(reversed);
    for (byte[] k : reversed) {
      fresh.put(k, value(k));
    }
    assertEquals(fresh.rootHash(), reopened.rootHash());
    for (byte[] k : kept) {
      assertArrayEquals(value(k), reopened.get(k), Hex.encode(k));
    }
    for (byte[] k : kept) {
      reopened.delete(k);
    }
    assertTrue(reopened.isEmpty());
    assertEquals(Trie.EMPTY_ROOT, reopened.rootHash());
  }

  @Test
  void snapshotIsIndependent() {
    Trie t = new Trie(new MemoryNodeStore());
    t.put(new byte[] {1}, new byte[] {9});
    Trie s = t.snapshot();
    t.put(new byte[] {2}, new byte[] {8});
    assertNull(s.get(new byte[] {2}));
    assertArrayEquals(new byte[] {8}, t.get(new byte[] {2}));
  }

  @Test
  void missingNodeNamesTheHash() {
    Hash h = Hash.fromHex("0x" + "ab".repeat(32));
    Trie t = new Trie(new MemoryNodeStore(), h);
    MissingNodeException e = assertThrows(MissingNodeException.class, () -> t.get(new byte[] {1}));
    assertTrue(e.getMessage().contains(h.toHex()), e.getMessage());
  }

  @Test
  void tamperedProofIsRejected() {
    Trie t = new Trie(new MemoryNodeStore());
    for (int i = 0; i < 50; i++) {
      t.put(new byte[] {(byte) i, 1, 2, 3}, ("value-" + i + "-padding-to-make-nodes-hashed").getBytes());
    }
    List<byte[]> proof = new ArrayList<>(t.prove(new byte[] {7, 1, 2, 3}));
    proof.remove(proof.size() - 1);
    assertThrows(InvalidProofException.class, () -> Proof.verify(t.rootHash(), new byte[] {7, 1, 2, 3}, proof));
  }

  private static byte[] value(byte[] k) {
    byte[] v = new byte[k.length + 30];
    System.arraycopy(k, 0, v, 0, k.length);
    v[v.length - 1] = 1;
    return v;
  }
}
