package org.cvmj.chain.evm;

/**
 * The operand stack of one frame: at most 1024 words. Bounds are checked by the interpreter per opcode. Words
 * are held as four longs each in one primitive array, so DUP and SWAP copy longs instead of references.
 */
public final class Stack {
  public static final int LIMIT = 1024;
  private final long[] items = new long[LIMIT * 4];
  private int size;

  public int size() {
    return size;
  }

  public void push(Word w) {
    int i = size++ << 2;
    items[i] = w.u3();
    items[i + 1] = w.u2();
    items[i + 2] = w.u1();
    items[i + 3] = w.u0();
  }

  /** Pushes the word (u3, u2, u1, u0) without building a Word (PUSHn). */
  void push(long u3, long u2, long u1, long u0) {
    int i = size++ << 2;
    items[i] = u3;
    items[i + 1] = u2;
    items[i + 2] = u1;
    items[i + 3] = u0;
  }

  public Word pop() {
    int i = --size << 2;
    return new Word(items[i], items[i + 1], items[i + 2], items[i + 3]);
  }

  /** The n-th item from the top, 0 being the top. */
  public Word peek(int n) {
    int i = (size - 1 - n) << 2;
    return new Word(items[i], items[i + 1], items[i + 2], items[i + 3]);
  }

  /** DUPn: n = 1 duplicates the top. */
  public void dup(int n) {
    int from = (size - n) << 2;
    int to = size++ << 2;
    items[to] = items[from];
    items[to + 1] = items[from + 1];
    items[to + 2] = items[from + 2];
    items[to + 3] = items[from + 3];
  }

  /** SWAPn: n = 1 swaps the top two. */
  public void swap(int n) {
    int a = (size - 1) << 2;
    int b = (size - 1 - n) << 2;
    for (int k = 0; k < 4; k++) {
      long t = items[a + k];
      items[a + k] = items[b + k];
      items[b + k] = t;
    }
  }
}
