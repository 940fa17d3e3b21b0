package org.cvmj.chain.evm;

import static org.cvmj.chain.evm.GasCost.BASE;
import static org.cvmj.chain.evm.GasCost.HIGH;
import static org.cvmj.chain.evm.GasCost.LOW;
import static org.cvmj.chain.evm.GasCost.MID;
import static org.cvmj.chain.evm.GasCost.VERY_LOW;

/**
 * The Cancun instruction set: one row per opcode with its name, constant gas, stack inputs and outputs, memory
 * range, dynamic gas and implementation. To find how an opcode behaves, find its row here; the row names the
 * method that implements it. Unassigned bytes have no row and halt as invalid opcodes.
 */
final class OperationTable {
  private OperationTable() {}

  static final Operation[] CANCUN = build();

  private static Operation[] build() {
    Operation[] t = new Operation[256];
    // 0x00-0x0B: stop and arithmetic
    t[0x00] = op(0x00, "STOP", 0, 0, 0, FlowOps::stop);
    t[0x01] = op(0x01, "ADD", VERY_LOW, 2, 1, ArithmeticOps::add);
    t[0x02] = op(0x02, "MUL", LOW, 2, 1, ArithmeticOps::mul);
    t[0x03] = op(0x03, "SUB", VERY_LOW, 2, 1, ArithmeticOps::sub);
    t[0x04] = op(0x04, "DIV", LOW, 2, 1, ArithmeticOps::div);
    t[0x05] = op(0x05, "SDIV", LOW, 2, 1, ArithmeticOps::sdiv);
    t[0x06] = op(0x06, "MOD", LOW, 2, 1, ArithmeticOps::mod);
    t[0x07] = op(0x07, "SMOD", LOW, 2, 1, ArithmeticOps::smod);
    t[0x08] = op(0x08, "ADDMOD", MID, 3, 1, ArithmeticOps::addmod);
    t[0x09] = op(0x09, "MULMOD", MID, 3, 1, ArithmeticOps::mulmod);
    t[0x0a] = dyn(0x0a, "EXP", GasCost.EXP, 2, 1, null, ArithmeticOps::expGas, ArithmeticOps::exp);
    t[0x0b] = op(0x0b, "SIGNEXTEND", LOW, 2, 1, ArithmeticOps::signextend);
    // 0x10-0x1D: comparison and bitwise logic
    t[0x10] = op(0x10, "LT", VERY_LOW, 2, 1, ArithmeticOps::lt);
    t[0x11] = op(0x11, "GT", VERY_LOW, 2, 1, ArithmeticOps::gt);
    t[0x12] = op(0x12, "SLT", VERY_LOW, 2, 1, ArithmeticOps::slt);
    t[0x13] = op(0x13, "SGT", VERY_LOW, 2, 1, ArithmeticOps::sgt);
    t[0x14] = op(0x14, "EQ", VERY_LOW, 2, 1, ArithmeticOps::eq);
    t[0x15] = op(0x15, "ISZERO", VERY_LOW, 1, 1, ArithmeticOps::iszero);
    t[0x16] = op(0x16, "AND", VERY_LOW, 2, 1, ArithmeticOps::and);
    t[0x17] = op(0x17, "OR", VERY_LOW, 2, 1, ArithmeticOps::or);
    t[0x18] = op(0x18, "XOR", VERY_LOW, 2, 1, ArithmeticOps::xor);
    t[0x19] = op(0x19, "NOT", VERY_LOW, 1, 1, ArithmeticOps::not);
    t[0x1a] = op(0x1a, "BYTE", VERY_LOW, 2, 1, ArithmeticOps::byteOp);
    t[0x1b] = op(0x1b, "SHL", VERY_LOW, 2, 1, ArithmeticOps::shl);
    t[0x1c] = op(0x1c, "SHR", VERY_LOW, 2, 1, ArithmeticOps::shr);
    t[0x1d] = op(0x1d, "SAR", VERY_LOW, 2, 1, ArithmeticOps::sar);
    // 0x20
    t[0x20] = dyn(0x20, "KECCAK256", GasCost.KECCAK256, 2, 1, FlowOps::memTop2, EnvironmentOps::keccak256Gas,
        EnvironmentOps::keccak256);
    // 0x30-0x3F: environment
    t[0x30] = op(0x30, "ADDRESS", BASE, 0, 1, EnvironmentOps::address);
    t[0x31] = dyn(0x31, "BALANCE", 0, 1, 1, null, EnvironmentOps::accessTopGas, EnvironmentOps::balance);
    t[0x32] = op(0x32, "ORIGIN", BASE, 0, 1, EnvironmentOps::origin);
    t[0x33] = op(0x33, "CALLER", BASE, 0, 1, EnvironmentOps::caller);
    t[0x34] = op(0x34, "CALLVALUE", BASE, 0, 1, EnvironmentOps::callvalue);
    t[0x35] = op(0x35, "CALLDATALOAD", VERY_LOW, 1, 1, EnvironmentOps::calldataload);
    t[0x36] = op(0x36, "CALLDATASIZE", BASE, 0, 1, EnvironmentOps::calldatasize);
    t[0x37] = dyn(0x37, "CALLDATACOPY", VERY_LOW, 3, 0, EnvironmentOps::copyEnd, EnvironmentOps::copyGas,
        EnvironmentOps::calldatacopy);
    t[0x38] = op(0x38, "CODESIZE", BASE, 0, 1, EnvironmentOps::codesize);
    t[0x39] = dyn(0x39, "CODECOPY", VERY_LOW, 3, 0, EnvironmentOps::copyEnd, EnvironmentOps::copyGas,
        EnvironmentOps::codecopy);
    t[0x3a] = op(0x3a, "GASPRICE", BASE, 0, 1, EnvironmentOps::gasprice);
    t[0x3b] = dyn(0x3b, "EXTCODESIZE", 0, 1, 1, null, EnvironmentOps::accessTopGas, EnvironmentOps::extcodesize);
    t[0x3c] = dyn(0x3c, "EXTCODECOPY", 0, 4, 0, EnvironmentOps::extcodecopyEnd, EnvironmentOps::extcodecopyGas,
        EnvironmentOps::extcodecopy);
    t[0x3d] = op(0x3d, "RETURNDATASIZE", BASE, 0, 1, EnvironmentOps::returndatasize);
    t[0x3e] = dyn(0x3e, "RETURNDATACOPY", VERY_LOW, 3, 0, EnvironmentOps::copyEnd, EnvironmentOps::copyGas,
        EnvironmentOps::returndatacopy);
    t[0x3f] = dyn(0x3f, "EXTCODEHASH", 0, 1, 1, null, EnvironmentOps::accessTopGas, EnvironmentOps::extcodehash);
    // 0x40-0x4A: block
    t[0x40] = op(0x40, "BLOCKHASH", GasCost.BLOCKHASH, 1, 1, EnvironmentOps::blockhash);
    t[0x41] = op(0x41, "COINBASE", BASE, 0, 1, EnvironmentOps::coinbase);
    t[0x42] = op(0x42, "TIMESTAMP", BASE, 0, 1, EnvironmentOps::timestamp);
    t[0x43] = op(0x43, "NUMBER", BASE, 0, 1, EnvironmentOps::number);
    t[0x44] = op(0x44, "PREVRANDAO", BASE, 0, 1, EnvironmentOps::prevrandao);
    t[0x45] = op(0x45, "GASLIMIT", BASE, 0, 1, EnvironmentOps::gaslimit);
    t[0x46] = op(0x46, "CHAINID", BASE, 0, 1, EnvironmentOps::chainid);
    t[0x47] = op(0x47, "SELFBALANCE", LOW, 0, 1, EnvironmentOps::selfbalance);
    t[0x48] = op(0x48, "BASEFEE", BASE, 0, 1, EnvironmentOps::basefee);
    t[0x49] = op(0x49, "BLOBHASH", VERY_LOW, 1, 1, EnvironmentOps::blobhash);
    t[0x4a] = op(0x4a, "BLOBBASEFEE", BASE, 0, 1, EnvironmentOps::blobbasefee);
    // 0x50-0x5F: stack, memory, storage, flow
    t[0x50] = op(0x50, "POP", BASE, 1, 0, StackOps::pop);
    t[0x51] = dyn(0x51, "MLOAD", VERY_LOW, 1, 1, MemoryOps::wordAt0, null, MemoryOps::mload);
    t[0x52] = dyn(0x52, "MSTORE", VERY_LOW, 2, 0, MemoryOps::wordAt0, null, MemoryOps::mstore);
    t[0x53] = dyn(0x53, "MSTORE8", VERY_LOW, 2, 0, MemoryOps::byteAt0, null, MemoryOps::mstore8);
    t[0x54] = dyn(0x54, "SLOAD", 0, 1, 1, null, StorageOps::sloadGas, StorageOps::sload);
    t[0x55] = writes(dyn(0x55, "SSTORE", 0, 2, 0, null, StorageOps::sstoreGas, StorageOps::sstore));
    t[0x56] = op(0x56, "JUMP", MID, 1, 0, FlowOps::jump);
    t[0x57] = op(0x57, "JUMPI", HIGH, 2, 0, FlowOps::jumpi);
    t[0x58] = op(0x58, "PC", BASE, 0, 1, FlowOps::pc);
    t[0x59] = op(0x59, "MSIZE", BASE, 0, 1, MemoryOps::msize);
    t[0x5a] = op(0x5a, "GAS", BASE, 0, 1, FlowOps::gas);
    t[0x5b] = op(0x5b, "JUMPDEST", GasCost.JUMPDEST, 0, 0, FlowOps::jumpdest);
    t[0x5c] = op(0x5c, "TLOAD", GasCost.TRANSIENT, 1, 1, StorageOps::tload);
    t[0x5d] = writes(op(0x5d, "TSTORE", GasCost.TRANSIENT, 2, 0, StorageOps::tstore));
    t[0x5e] = dyn(0x5e, "MCOPY", VERY_LOW, 3, 0, MemoryOps::mcopyEnd, MemoryOps::mcopyGas, MemoryOps::mcopy);
    t[0x5f] = op(0x5f, "PUSH0", BASE, 0, 1, StackOps::push0);
    // 0x60-0x9F: PUSH1..32, DUP1..16, SWAP1..16
    for (int n = 1; n <= 32; n++) {
      t[0x5f + n] = op(0x5f + n, "PUSH" + n, VERY_LOW, 0, 1, StackOps.push(n));
    }
    for (int n = 1; n <= 16; n++) {
      t[0x7f + n] = op(0x7f + n, "DUP" + n, VERY_LOW, n, n + 1, StackOps.dup(n));
      t[0x8f + n] = op(0x8f + n, "SWAP" + n, VERY_LOW, n + 1, n + 1, StackOps.swap(n));
    }
    // 0xA0-0xA4: logs
    for (int n = 0; n <= 4; n++) {
      t[0xa0 + n] = writes(dyn(0xa0 + n, "LOG" + n, GasCost.LOG + n * GasCost.LOG_TOPIC, 2 + n, 0,
          FlowOps::memTop2, LogOps::gas, LogOps.log(n)));
    }
    // 0xF0-0xFF: system
    t[0xf0] = writes(dyn(0xf0, "CREATE", GasCost.CREATE, 3, 1, SystemOps::createEnd, SystemOps::createGas,
        SystemOps::create));
    t[0xf1] = dyn(0xf1, "CALL", 0, 7, 1, SystemOps::callEnd, SystemOps::callGas, SystemOps::call);
    t[0xf2] = dyn(0xf2, "CALLCODE", 0, 7, 1, SystemOps::callEnd, SystemOps::callcodeGas, SystemOps::callcode);
    t[0xf3] = dyn(0xf3, "RETURN", 0, 2, 0, FlowOps::memTop2, null, FlowOps::ret);
    t[0xf4] = dyn(0xf4, "DELEGATECALL", 0, 6, 1, SystemOps::callNoValueEnd, SystemOps::delegatecallGas,
        SystemOps::delegatecall);
    t[0xf5] = writes(dyn(0xf5, "CREATE2", GasCost.CREATE, 4, 1, SystemOps::createEnd, SystemOps::create2Gas,
        SystemOps::create2));
    t[0xfa] = dyn(0xfa, "STATICCALL", 0, 6, 1, SystemOps::callNoValueEnd, SystemOps::staticcallGas,
        SystemOps::staticcall);
    t[0xfd] = dyn(0xfd, "REVERT", 0, 2, 0, FlowOps::memTop2, null, FlowOps::revert);
    t[0xfe] = op(0xfe, "INVALID", 0, 0, 0, FlowOps::invalid);
    t[0xff] = writes(dyn(0xff, "SELFDESTRUCT", GasCost.SELFDESTRUCT, 1, 0, null, SystemOps::selfdestructGas,
        SystemOps::selfdestruct));
    return t;
  }

  private static Operation op(int code, String name, long gas, int pops, int pushes, Operation.Execution e) {
    return new Operation(code, name, gas, pops, pushes, null, null, e, false);
  }

  private static Operation dyn(int code, String name, long gas, int pops, int pushes, Operation.MemorySize mem,
      Operation.DynamicGas dynamicGas, Operation.Execution e) {
    return new Operation(code, name, gas, pops, pushes, mem, dynamicGas, e, false);
  }

  private static Operation writes(Operation o) {
    return new Operation(o.opcode(), o.name(), o.constantGas(), o.pops(), o.pushes(), o.memorySize(),
        o.dynamicGas(), o.execution(), true);
  }

  /** The mnemonic of an opcode byte, or "0x.." when the byte is unassigned (for traces and errors). */
  static String name(int opcode) {
    Operation o = CANCUN[opcode & 0xff];
    return o == null ? String.format("0x%02x", opcode & 0xff) : o.name();
  }
}
