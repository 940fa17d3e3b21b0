package org.cvmj.cvm.mips;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory Merkle tree (spec design B): 2^27 leaves of 32 bytes, leaf {@code addr >>> 5}, internal node
 * {@code keccak(left ‖ right)}, an absent subtree of height h hashes to {@code ZERO[h]}. Pages (4 KiB = 128
 * leaves, height 7) cache their whole subtree; the 20 levels above hold only nodes over written pages. A node
 * array is never changed after it is built, so a {@link #copy()} may share them.
 */
final class MemoryTree {
  static final int DEPTH = 27;
  static final int PAGE_HEIGHT = 7;
  private static final int LEAVES_PER_PAGE = 1 << PAGE_HEIGHT;
  static final byte[][] ZERO = zeroHashes();

  private final Keccak keccak = new Keccak();
  /** Per page: nodes of its subtree in heap order, node j at [32j, 32j+32), j = 1 (page root) .. 127. */
  private final byte[][] pageNodes;
  /** upper.get(h - PAGE_HEIGHT - 1): node index at height h → hash, for h = 8..27. */
  private final List<Map<Integer, byte[]>> upper;
  private final List<Integer> changedPages = new ArrayList<>();

  MemoryTree() {
    pageNodes = new byte[Memory.PAGE_COUNT][];
    upper = new ArrayList<>();
    for (int h = PAGE_HEIGHT + 1; h <= DEPTH; h++) {
      upper.add(new HashMap<>());
    }
  }

  private MemoryTree(MemoryTree from) {
    pageNodes = from.pageNodes.clone();
    upper = new ArrayList<>();
    for (Map<Integer, byte[]> level : from.upper) {
      upper.add(new HashMap<>(level));
    }
    changedPages.addAll(from.changedPages);
  }

  MemoryTree copy() {
    return new MemoryTree(this);
  }

  void rehashPage(int index, int[] words) {
    byte[] nodes = new byte[32 * LEAVES_PER_PAGE];
    byte[] left = new byte[32];
    byte[] right = new byte[32];
    for (int j = LEAVES_PER_PAGE / 2; j < LEAVES_PER_PAGE; j++) {
      leafBytes(words, 2 * j - LEAVES_PER_PAGE, left);
      leafBytes(words, 2 * j + 1 - LEAVES_PER_PAGE, right);
      System.arraycopy(keccak.hashPair(left, right), 0, nodes, 32 * j, 32);
    }
    for (int j = LEAVES_PER_PAGE / 2 - 1; j >= 1; j--) {
      System.arraycopy(nodes, 64 * j, left, 0, 32);
      System.arraycopy(nodes, 64 * j + 32, right, 0, 32);
      System.arraycopy(keccak.hashPair(left, right), 0, nodes, 32 * j, 32);
    }
    pageNodes[index] = nodes;
    changedPages.add(index);
  }

  /** Recomputes the nodes above the pages rehashed since the last call (indices arrive in ascending order). */
  void propagate() {
    List<Integer> indices = changedPages;
    for (int h = PAGE_HEIGHT + 1; h <= DEPTH; h++) {
      List<Integer> parents = new ArrayList<>();
      for (int i : indices) {
        int p = i >>> 1;
        if (parents.isEmpty() || parents.get(parents.size() - 1) != p) {
          parents.add(p);
        }
      }
      Map<Integer, byte[]> level = upper.get(h - PAGE_HEIGHT - 1);
      for (int p : parents) {
        level.put(p, keccak.hashPair(node(h - 1, 2 * p), node(h - 1, 2 * p + 1)));
      }
      indices = parents;
    }
    changedPages.clear();
  }

  byte[] root() {
    return node(DEPTH, 0);
  }

  /** Leaf of {@code addr} followed by 27 siblings, bottom up; {@code words} is the page of addr or null. */
  byte[] proof(int addr, int[] words) {
    byte[] out = new byte[32 * (DEPTH + 1)];
    int leaf = (addr >>> 5) & (LEAVES_PER_PAGE - 1);
    byte[] scratch = new byte[32];
    if (words != null) {
      leafBytes(words, leaf, scratch);
      System.arraycopy(scratch, 0, out, 0, 32);
      leafBytes(words, leaf ^ 1, scratch);
      System.arraycopy(scratch, 0, out, 32, 32);
    }
    byte[] nodes = pageNodes[addr >>> Memory.PAGE_SHIFT];
    for (int h = 1; h < PAGE_HEIGHT; h++) {
      int sibling = ((LEAVES_PER_PAGE + leaf) >>> h) ^ 1;
      if (nodes == null) {
        System.arraycopy(ZERO[h], 0, out, 32 * (h + 1), 32);
      } else {
        System.arraycopy(nodes, 32 * sibling, out, 32 * (h + 1), 32);
      }
    }
    for (int h = PAGE_HEIGHT; h < DEPTH; h++) {
      int sibling = (addr >>> (5 + h)) ^ 1;
      System.arraycopy(node(h, sibling), 0, out, 32 * (h + 1), 32);
    }
    return out;
  }

  private byte[] node(int height, int index) {
    if (height == PAGE_HEIGHT) {
      byte[] nodes = pageNodes[index];
      return nodes == null ? ZERO[PAGE_HEIGHT] : java.util.Arrays.copyOfRange(nodes, 32, 64);
    }
    byte[] hash = upper.get(height - PAGE_HEIGHT - 1).get(index);
    return hash == null ? ZERO[height] : hash;
  }

  private static void leafBytes(int[] words, int leaf, byte[] out) {
    for (int k = 0; k < 8; k++) {
      int w = words[8 * leaf + k];
      out[4 * k] = (byte) (w >>> 24);
      out[4 * k + 1] = (byte) (w >>> 16);
      out[4 * k + 2] = (byte) (w >>> 8);
      out[4 * k + 3] = (byte) w;
    }
  }

  private static byte[][] zeroHashes() {
    Keccak k = new Keccak();
    byte[][] z = new byte[DEPTH + 1][];
    z[0] = new byte[32];
    for (int h = 1; h <= DEPTH; h++) {
      z[h] = k.hashPair(z[h - 1], z[h - 1]);
    }
    return z;
  }
}
