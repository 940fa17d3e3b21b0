package org.cvmj.chain.evm;

/** Control flow: STOP, JUMP, JUMPI, PC, GAS, JUMPDEST, RETURN, REVERT, INVALID. */
final class FlowOps {
  private FlowOps() {}

  static void stop(Frame f) {
    f.state = Frame.State.STOPPED;
  }

  static void jump(Frame f) {
    jumpTo(f, f.stack.pop());
  }

  static void jumpi(Frame f) {
    Word dest = f.stack.pop();
    if (!f.stack.pop().isZero()) jumpTo(f, dest);
  }

  private static void jumpTo(Frame f, Word dest) {
    if (!dest.fitsLong() || dest.longValue() >= f.code.length || !f.jumpDestinations.get((int) dest.longValue())) {
      throw new EvmHalt(HaltReason.INVALID_JUMP);
    }
    f.pc = (int) dest.longValue();
  }

  static void pc(Frame f) {
    f.stack.push(Word.of(f.pc - 1));
  }

  static void gas(Frame f) {
    f.stack.push(Word.of(f.gas));
  }

  static void jumpdest(Frame f) {}

  static void ret(Frame f) {
    f.output = readRange(f);
    f.state = Frame.State.RETURNED;
  }

  static void revert(Frame f) {
    f.output = readRange(f);
    f.state = Frame.State.REVERTED;
  }

  private static byte[] readRange(Frame f) {
    Word off = f.stack.pop();
    Word size = f.stack.pop();
    return size.isZero() ? new byte[0] : f.memory.read(off.longValue(), size.longValue());
  }

  static void invalid(Frame f) {
    throw new EvmHalt(HaltReason.INVALID_OPCODE);
  }

  static long memTop2(Stack s) {
    return Operation.memoryEnd(s.peek(0), s.peek(1));
  }
}
