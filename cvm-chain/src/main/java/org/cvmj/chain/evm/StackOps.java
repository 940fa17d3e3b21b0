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
      byte[] code = f.code;
      int start = f.pc;
      long[] limbs = new long[4]; // limbs[0] least significant
      for (int k = 0; k < n; k++) {
        int at = start + k;
        long b = at < code.length ? code[at] & 0xffL : 0;
        int bitPos = (n - 1 - k) * 8;
        limbs[bitPos >>> 6] |= b << (bitPos & 63);
      }
      f.stack.push(limbs[3], limbs[2], limbs[1], limbs[0]);
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
