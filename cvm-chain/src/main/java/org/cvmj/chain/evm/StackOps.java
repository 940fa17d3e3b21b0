package org.cvmj.chain.evm;

/** 0x50 POP, 0x5F PUSH0, 0x60-0x7F PUSH1..32, 0x80-0x8F DUP1..16, 0x90-0x9F SWAP1..16. */
final class StackOps {
  private StackOps() {}

  static void pop(Frame f) {
    f.stack.pop();
  }

  static void push0(Frame f) {
    f.stack.push(Word.ZERO);
  }

  /** PUSHn reads n immediate bytes after the opcode; bytes past the end of the code read as zero. */
  static Operation.Execution push(int n) {
    return f -> push(f, n);
  }

  static void push(Frame f, int n) {
    byte[] code = f.code;
    int at = f.pc;
    int end = at + n;
    long u3 = 0;
    long u2 = 0;
    long u1 = 0;
    long u0 = 0;
    // Shifts the 256-bit accumulator a byte at a time: no array, so nothing escapes to the heap.
    for (; at < end; at++) {
      long b = at < code.length ? code[at] & 0xffL : 0;
      u3 = (u3 << 8) | (u2 >>> 56);
      u2 = (u2 << 8) | (u1 >>> 56);
      u1 = (u1 << 8) | (u0 >>> 56);
      u0 = (u0 << 8) | b;
    }
    f.stack.push(u3, u2, u1, u0);
    f.pc = end;
  }

  static Operation.Execution dup(int n) {
    return f -> f.stack.dup(n);
  }

  static Operation.Execution swap(int n) {
    return f -> f.stack.swap(n);
  }
}
