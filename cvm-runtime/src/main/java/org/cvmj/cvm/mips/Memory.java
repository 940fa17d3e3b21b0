package org.cvmj.cvm.mips;

import java.util.Arrays;

/**
 * The 4 GiB flat address space: 4 KiB pages of big-endian words, allocated on first write; memory never
 * written reads as zero. Stores only mark their page dirty, so running costs no hashing; the Merkle root
 * ({@link MemoryTree}) rehashes the dirty pages when it is asked for.
 */
public final class Memory implements WordMemory {
  static final int PAGE_SHIFT = 12;
  static final int PAGE_WORDS = 1 << (PAGE_SHIFT - 2);
  static final int PAGE_COUNT = 1 << (32 - PAGE_SHIFT);

  final int[][] pages;
  private final long[] dirty;
  final MemoryTree tree;
  /**
   * Set only while {@link Machine#proveStep} executes one step. A field rather than a wrapping
   * {@link WordMemory}: the step function then only ever sees this class and the verifier's, and the JIT
   * keeps inlining both into the interpreter loop.
   */
  DataProofRecorder recorder;

  public Memory() {
    pages = new int[PAGE_COUNT][];
    dirty = new long[PAGE_COUNT / 64];
    tree = new MemoryTree();
  }

  private Memory(Memory from) {
    pages = new int[PAGE_COUNT][];
    for (int i = 0; i < PAGE_COUNT; i++) {
      if (from.pages[i] != null) {
        pages[i] = from.pages[i].clone();
      }
    }
    dirty = from.dirty.clone();
    tree = from.tree.copy();
  }

  /** An independent copy (a checkpoint). */
  public Memory copy() {
    return new Memory(this);
  }

  @Override
  public int readWord(int addr) {
    if (recorder != null) {
      recorder.read(addr);
    }
    return peek(addr);
  }

  /** A read that no step makes (host I/O, loading), so never recorded. */
  private int peek(int addr) {
    int[] page = pages[addr >>> PAGE_SHIFT];
    return page == null ? 0 : page[(addr >>> 2) & (PAGE_WORDS - 1)];
  }

  @Override
  public void writeWord(int addr, int value) {
    if (recorder != null) {
      recorder.touch(addr);
    }
    int index = addr >>> PAGE_SHIFT;
    int[] page = pages[index];
    if (page == null) {
      page = pages[index] = new int[PAGE_WORDS];
    }
    page[(addr >>> 2) & (PAGE_WORDS - 1)] = value;
    dirty[index >>> 6] |= 1L << index;
  }

  /** Installs a whole page (reading a checkpoint). */
  void loadPage(int index, int[] words) {
    pages[index] = words;
    dirty[index >>> 6] |= 1L << index;
  }

  /** Copies {@code data} to {@code addr} byte by byte (program loading, input regions). */
  public void writeBytes(int addr, byte[] data) {
    for (int i = 0; i < data.length; i++) {
      writeByte(addr + i, data[i]);
    }
  }

  public void writeByte(int addr, byte b) {
    int word = addr & ~3;
    int shift = 24 - 8 * (addr & 3);
    writeWord(word, (peek(word) & ~(0xFF << shift)) | ((b & 0xFF) << shift));
  }

  public byte[] readBytes(int addr, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int a = addr + i;
      out[i] = (byte) (peek(a & ~3) >>> (24 - 8 * (a & 3)));
    }
    return out;
  }

  /** Pages ever written (each 4 KiB). */
  public int pageCount() {
    int n = 0;
    for (int[] p : pages) {
      n += p == null ? 0 : 1;
    }
    return n;
  }

  /** The Merkle root of all memory: a binary keccak tree of depth 27 over 32-byte leaves. */
  public byte[] root() {
    flush();
    return tree.root();
  }

  /** The proof for the 32-byte leaf holding {@code addr}: the leaf, then 27 siblings from the bottom up. */
  public byte[] proof(int addr) {
    flush();
    return tree.proof(addr, pages[addr >>> PAGE_SHIFT]);
  }

  /** Rehashes every page written since the last call, in address order. */
  private void flush() {
    for (int w = 0; w < dirty.length; w++) {
      long bits = dirty[w];
      while (bits != 0) {
        int index = w * 64 + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        tree.rehashPage(index, pages[index]);
      }
    }
    Arrays.fill(dirty, 0L);
    tree.propagate();
  }
}
