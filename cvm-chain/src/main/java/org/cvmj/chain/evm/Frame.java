package org.cvmj.chain.evm;

import java.util.BitSet;
import org.cvmj.chain.crypto.Address;

/** The running state of one message: its code, pc, gas, stack, memory and the last call's return data. */
final class Frame {
  enum State { RUNNING, STOPPED, RETURNED, REVERTED }

  final Evm evm;
  final Message message;
  final byte[] code;
  final BitSet jumpDestinations;
  final Stack stack = new Stack();
  final Memory memory = new Memory();
  /** The next instruction; while an operation executes it already points past the opcode byte. */
  int pc;
  long gas;
  byte[] returnData = new byte[0];
  byte[] output = new byte[0];
  State state = State.RUNNING;
  /** Gas computed by a CALL's dynamic gas for its execution to hand to the callee. */
  long pendingCallGas;
  /** KECCAK256's hasher, made on first use and reused: a hashing loop would otherwise build one per step. */
  private KeccakHasher keccak;

  Frame(Evm evm, Message message, byte[] code) {
    this.evm = evm;
    this.message = message;
    this.code = code;
    this.jumpDestinations = JumpDestinations.analyze(code);
    this.gas = message.gas();
  }

  void useGas(long amount) {
    if (amount > gas || amount < 0) {
      throw new EvmHalt(HaltReason.OUT_OF_GAS);
    }
    gas -= amount;
  }

  /** Keccak-256 of data[offset, offset + length), hashed in place. */
  Word keccak256(byte[] data, int offset, int length) {
    if (keccak == null) {
      keccak = new KeccakHasher();
    }
    return keccak.hash(data, offset, length);
  }

  WorldState state() {
    return evm.state();
  }

  Address address() {
    return message.recipient();
  }
}
