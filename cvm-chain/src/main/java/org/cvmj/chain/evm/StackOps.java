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
    return f -> {
      int start = f.pc;
      int avail = Math.max(0, Math.min(n, f.code.length - start));
      byte[] buf = new byte[n];
      if (avail > 0) System.arraycopy(f.code, start, buf, 0, avail);
      f.stack.push(Word.fromBytes(buf));
      f.pc += n;
    };
  }

  static Operation.Execution dup(int n) {
    return f -> f.stack.dup(n);
  }

  static Operation.Execution swap(int n) {
    return f -> f.stack.swap(n);
  }
}
