package org.cvmj.chain.evm;

/**
 * Runs one frame: fetch the opcode's row from the {@link OperationTable}, check the stack bounds and the static
 * flag, charge constant gas, memory expansion and dynamic gas, grow memory, execute. It knows no opcode by name.
 */
final class Interpreter {
  private static final Operation[] TABLE = OperationTable.CANCUN;

  private Interpreter() {}

  static CallResult run(Frame f) {
    try {
      byte[] code = f.code;
      Stack stack = f.stack;
      while (f.state == Frame.State.RUNNING) {
        int opcode = f.pc < code.length ? code[f.pc] & 0xff : 0x00;
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
        if (op.writes() && f.message.isStatic()) {
          throw new EvmHalt(HaltReason.WRITE_PROTECTION);
        }
        f.useGas(op.constantGas());
        long memoryEnd = 0;
        if (op.memorySize() != null) {
          memoryEnd = op.memorySize().bytes(stack);
          f.useGas(f.memory.expansionCost(memoryEnd));
        }
        if (op.dynamicGas() != null) {
          f.useGas(op.dynamicGas().cost(f));
        }
        if (memoryEnd > 0) {
          f.memory.resize(memoryEnd);
        }
        f.pc++;
        op.execution().execute(f);
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
}
