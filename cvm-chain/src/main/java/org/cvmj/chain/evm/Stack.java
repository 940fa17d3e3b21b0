package org.cvmj.chain.evm;

/** The operand stack of one frame: at most 1024 words. Bounds are checked by the interpreter per opcode. */
public final class Stack {
  public static final int LIMIT = 1024;
  private final Word[] items = new Word[LIMIT];
  private int size;

  public int size() {
    return size;
  }

  public void push(Word w) {
    items[size++] = w;
  }

  public Word pop() {
    Word w = items[--size];
    items[size] = null;
    return w;
  }

  /** The n-th item from the top, 0 being the top. */
  public Word peek(int n) {
    return items[size - 1 - n];
  }

  /** DUPn: n = 1 duplicates the top. */
  public void dup(int n) {
    items[size] = items[size - n];
    size++;
  }

  /** SWAPn: n = 1 swaps the top two. */
  public void swap(int n) {
    Word t = items[size - 1];
    items[size - 1] = items[size - 1 - n];
    items[size - 1 - n] = t;
  }
}
