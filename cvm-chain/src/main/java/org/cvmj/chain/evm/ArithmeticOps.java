package org.cvmj.chain.evm;

/** 0x01-0x0B: arithmetic, and 0x10-0x1D: comparison, bitwise and shift operations on {@link Word}. */
final class ArithmeticOps {
  private ArithmeticOps() {}

  static void add(Frame f) {
    Stack s = f.stack;
    s.push(s.pop().add(s.pop()));
  }

  static void mul(Frame f) {
    Stack s = f.stack;
    s.push(s.pop().mul(s.pop()));
  }

  static void sub(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(a.sub(s.pop()));
  }

  static void div(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(a.div(s.pop()));
  }

  static void sdiv(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(a.sdiv(s.pop()));
  }

  static void mod(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(a.mod(s.pop()));
  }

  static void smod(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(a.smod(s.pop()));
  }

  static void addmod(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    Word b = s.pop();
    s.push(a.addMod(b, s.pop()));
  }

  static void mulmod(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    Word b = s.pop();
    s.push(a.mulMod(b, s.pop()));
  }

  static void exp(Frame f) {
    Stack s = f.stack;
    Word base = s.pop();
    s.push(base.exp(s.pop()));
  }

  /** EXP costs 50 per byte of the exponent (EIP-160). */
  static long expGas(Frame f) {
    return GasCost.EXP_BYTE * f.stack.peek(1).byteLength();
  }

  static void signextend(Frame f) {
    Stack s = f.stack;
    Word b = s.pop();
    s.push(Word.signExtend(b, s.pop()));
  }

  static void lt(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(Word.bool(a.lt(s.pop())));
  }

  static void gt(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(Word.bool(a.gt(s.pop())));
  }

  static void slt(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(Word.bool(a.slt(s.pop())));
  }

  static void sgt(Frame f) {
    Stack s = f.stack;
    Word a = s.pop();
    s.push(Word.bool(a.sgt(s.pop())));
  }

  static void eq(Frame f) {
    Stack s = f.stack;
    s.push(Word.bool(s.pop().equals(s.pop())));
  }

  static void iszero(Frame f) {
    Stack s = f.stack;
    s.push(Word.bool(s.pop().isZero()));
  }

  static void and(Frame f) {
    Stack s = f.stack;
    s.push(s.pop().and(s.pop()));
  }

  static void or(Frame f) {
    Stack s = f.stack;
    s.push(s.pop().or(s.pop()));
  }

  static void xor(Frame f) {
    Stack s = f.stack;
    s.push(s.pop().xor(s.pop()));
  }

  static void not(Frame f) {
    Stack s = f.stack;
    s.push(s.pop().not());
  }

  static void byteOp(Frame f) {
    Stack s = f.stack;
    Word i = s.pop();
    s.push(s.pop().byteAt(i));
  }

  static void shl(Frame f) {
    Stack s = f.stack;
    Word shift = s.pop();
    s.push(s.pop().shl(shift));
  }

  static void shr(Frame f) {
    Stack s = f.stack;
    Word shift = s.pop();
    s.push(s.pop().shr(shift));
  }

  static void sar(Frame f) {
    Stack s = f.stack;
    Word shift = s.pop();
    s.push(s.pop().sar(shift));
  }
}
