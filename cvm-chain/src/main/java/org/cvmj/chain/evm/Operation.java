package org.cvmj.chain.evm;

/**
 * One row of the {@link OperationTable}: everything the interpreter needs to know about an opcode.
 *
 * @param constantGas charged before anything else
 * @param pops stack items the opcode reads (the interpreter checks underflow)
 * @param pushes stack items it leaves (with pops, the overflow check)
 * @param memorySize the memory end the opcode touches, in bytes (null when it does not touch memory); the
 *     interpreter charges the quadratic expansion gas for it
 * @param dynamicGas the gas that depends on operands or state, charged after memory expansion (null when none)
 * @param writes true for opcodes forbidden inside STATICCALL
 */
record Operation(
    int opcode,
    String name,
    long constantGas,
    int pops,
    int pushes,
    MemorySize memorySize,
    DynamicGas dynamicGas,
    Execution execution,
    boolean writes) {

  @FunctionalInterface
  interface Execution {
    void execute(Frame f);
  }

  @FunctionalInterface
  interface DynamicGas {
    long cost(Frame f);
  }

  @FunctionalInterface
  interface MemorySize {
    long bytes(Stack s);
  }

  /** The end of the memory range [offset, offset+size) given as stack words; 0 when size is 0. */
  static long memoryEnd(Word offset, Word size) {
    if (size.isZero()) return 0;
    if (!offset.fitsLong() || !size.fitsLong()) return Long.MAX_VALUE;
    long end = offset.longValue() + size.longValue();
    return end < 0 ? Long.MAX_VALUE : end;
  }
}
