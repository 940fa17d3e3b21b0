package org.cvmj.chain.evm;

/**
 * Runs one frame: fetch the opcode's row from the {@link OperationTable}, check the stack bounds and the static
 * flag, charge constant gas, memory expansion and dynamic gas, grow memory, execute. Gas and bounds come only
 * from the table; the interpreter knows opcodes by number only in {@link #executeCommon}'s fast path.
 */
final class Interpreter {
  private static final Operation[] TABLE = OperationTable.CANCUN;

  private Interpreter() {}

  static CallResult run(Frame f) {
    try {
      byte[] code = f.code;
      Stack stack = f.stack;
      boolean isStatic = f.message.isStatic();
      while (f.state == Frame.State.RUNNING) {
        int pc = f.pc;
        int opcode = pc < code.length ? code[pc] & 0xff : 0x00;
        Operation op = TABLE[opcode];
        if (op == null) {
          throw new EvmHalt(HaltReason.INVALID_OPCODE);
        }
        int size = stack.size();
        if (size < op.pops()) {
          throw new EvmHalt(HaltReason.STACK_UNDERFLOW);
        }
        if (size - op.pops() + op.pushes() > Stack.LIMIT) {
          throw new EvmHalt(HaltReason.STACK_OVERFLOW);
        }
        if (op.writes() && isStatic) {
          throw new EvmHalt(HaltReason.WRITE_PROTECTION);
        }
        f.useGas(op.constantGas());
        if (op.memorySize() != null || op.dynamicGas() != null) {
          chargeMemoryAndDynamicGas(f, op);
        }
        f.pc = pc + 1;
        if (!executeCommon(f, opcode)) {
          op.execution().execute(f);
        }
      }
    } catch (EvmHalt h) {
      return CallResult.halt(h.reason);
    }
    return switch (f.state) {
      case REVERTED -> CallResult.revert(f.gas, f.output);
      case RETURNED -> CallResult.success(f.gas, f.output);
      default -> CallResult.success(f.gas, new byte[0]);
    };
  }

  /** Memory expansion gas, then the row's dynamic gas, then the memory growth itself. */
  private static void chargeMemoryAndDynamicGas(Frame f, Operation op) {
    long memoryEnd = 0;
    if (op.memorySize() != null) {
      memoryEnd = op.memorySize().bytes(f.stack);
      f.useGas(f.memory.expansionCost(memoryEnd));
    }
    if (op.dynamicGas() != null) {
      f.useGas(op.dynamicGas().cost(f));
    }
    if (memoryEnd > 0) {
      f.memory.resize(memoryEnd);
    }
  }

  /**
   * Executes the opcodes that make up most of any contract's instructions (stack shuffling, jumps, word
   * arithmetic, memory words) by calling the methods their rows name directly, and returns false for the rest,
   * which the caller runs through their row. Calling every opcode through its row's {@link Operation.Execution}
   * is a call site with a hundred and fifty targets that the JIT cannot inline; it doubled the cost of these
   * cheap opcodes. The rest are not here so that a CALL adds no Java frame to the recursion of nested calls,
   * which must reach depth 1024. OperationTableTest checks that both ways agree.
   */
  static boolean executeCommon(Frame f, int opcode) {
    switch (opcode) {
      case 0x01 -> ArithmeticOps.add(f);
      case 0x02 -> ArithmeticOps.mul(f);
      case 0x03 -> ArithmeticOps.sub(f);
      case 0x10 -> ArithmeticOps.lt(f);
      case 0x11 -> ArithmeticOps.gt(f);
      case 0x14 -> ArithmeticOps.eq(f);
      case 0x15 -> ArithmeticOps.iszero(f);
      case 0x16 -> ArithmeticOps.and(f);
      case 0x17 -> ArithmeticOps.or(f);
      case 0x18 -> ArithmeticOps.xor(f);
      case 0x19 -> ArithmeticOps.not(f);
      case 0x1b -> ArithmeticOps.shl(f);
      case 0x1c -> ArithmeticOps.shr(f);
      case 0x50 -> StackOps.pop(f);
      case 0x51 -> MemoryOps.mload(f);
      case 0x52 -> MemoryOps.mstore(f);
      case 0x56 -> FlowOps.jump(f);
      case 0x57 -> FlowOps.jumpi(f);
      case 0x5b -> FlowOps.jumpdest(f);
      case 0x5f -> StackOps.push0(f);
      case 0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70,
          0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f ->
          StackOps.push(f, opcode - 0x5f);
      case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f ->
          f.stack.dup(opcode - 0x7f);
      case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f ->
          f.stack.swap(opcode - 0x8f);
      default -> {
        return false;
      }
    }
    return true;
  }
}
