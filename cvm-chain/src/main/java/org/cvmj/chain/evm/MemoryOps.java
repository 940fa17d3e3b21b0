package org.cvmj.chain.evm;

/** 0x51 MLOAD, 0x52 MSTORE, 0x53 MSTORE8, 0x59 MSIZE, 0x5E MCOPY (EIP-5656). */
final class MemoryOps {
  private MemoryOps() {}

  static void mload(Frame f) {
    f.stack.push(f.memory.loadWord(f.stack.pop().longValue()));
  }

  static void mstore(Frame f) {
    long off = f.stack.pop().longValue();
    f.memory.storeWord(off, f.stack.pop());
  }

  static void mstore8(Frame f) {
    long off = f.stack.pop().longValue();
    f.memory.storeByte(off, (byte) f.stack.pop().longValue());
  }

  static void msize(Frame f) {
    f.stack.push(Word.of(f.memory.size()));
  }

  static void mcopy(Frame f) {
    long dst = f.stack.pop().longValue();
    long src = f.stack.pop().longValue();
    Word size = f.stack.pop();
    if (!size.isZero()) f.memory.copyWithin(dst, src, size.longValue());
  }

  static long wordAt0(Stack s) {
    return Operation.memoryEnd(s.peek(0), Word.of(32));
  }

  static long byteAt0(Stack s) {
    return Operation.memoryEnd(s.peek(0), Word.ONE);
  }

  /** MCOPY touches both the destination and the source range. */
  static long mcopyEnd(Stack s) {
    return Math.max(Operation.memoryEnd(s.peek(0), s.peek(2)), Operation.memoryEnd(s.peek(1), s.peek(2)));
  }

  static long mcopyGas(Frame f) {
    return GasCost.perWord(GasCost.COPY_WORD, f.stack.peek(2).clampedLong());
  }
}
