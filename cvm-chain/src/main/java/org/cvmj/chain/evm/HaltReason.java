package org.cvmj.chain.evm;

/** Why a frame stopped exceptionally. Every exceptional halt consumes all the frame's gas and undoes its state. */
public enum HaltReason {
  OUT_OF_GAS("out of gas: raise the gas limit"),
  INVALID_OPCODE("invalid opcode (0xFE INVALID or an unassigned byte)"),
  STACK_UNDERFLOW("stack underflow: an opcode needed more operands than the stack held"),
  STACK_OVERFLOW("stack overflow: more than 1024 items"),
  INVALID_JUMP("jump to a destination that is not a JUMPDEST"),
  WRITE_PROTECTION("state modification inside STATICCALL"),
  RETURN_DATA_OUT_OF_BOUNDS("RETURNDATACOPY read past the end of the return data buffer"),
  INITCODE_SIZE_EXCEEDED("init code larger than 49152 bytes (EIP-3860)"),
  CODE_SIZE_EXCEEDED("deployed code larger than 24576 bytes (EIP-170)"),
  INVALID_CODE_PREFIX("deployed code starts with 0xEF (EIP-3541)"),
  CREATE_COLLISION("contract address already has code, nonce or storage"),
  PRECOMPILE_FAILURE("precompiled contract rejected its input");

  private final String message;

  HaltReason(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
