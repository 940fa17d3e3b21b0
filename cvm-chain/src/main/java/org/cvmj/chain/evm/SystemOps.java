package org.cvmj.chain.evm;

import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.tx.IntrinsicGas;

/** 0xF0 CREATE, 0xF5 CREATE2, 0xF1 CALL, 0xF2 CALLCODE, 0xF4 DELEGATECALL, 0xFA STATICCALL, 0xFF SELFDESTRUCT. */
final class SystemOps {
  private SystemOps() {}

  // ---- creates ----

  /** CREATE and CREATE2 read init code at (offset, size) = stack items 1 and 2. */
  static long createEnd(Stack s) {
    return Operation.memoryEnd(s.peek(1), s.peek(2));
  }

  /** EIP-3860: 2 gas per init code word, halting when the init code exceeds 49152 bytes. */
  static long createGas(Frame f) {
    return initcodeGas(f, GasCost.INITCODE_WORD);
  }

  /** CREATE2 also pays 6 per word for hashing the init code into the address. */
  static long create2Gas(Frame f) {
    return initcodeGas(f, GasCost.INITCODE_WORD + GasCost.KECCAK256_WORD);
  }

  private static long initcodeGas(Frame f, long perWord) {
    Word size = f.stack.peek(2);
    if (!size.fitsLong() || size.longValue() > IntrinsicGas.MAX_INITCODE_SIZE) {
      throw new EvmHalt(HaltReason.INITCODE_SIZE_EXCEEDED);
    }
    return GasCost.perWord(perWord, size.longValue());
  }

  static void create(Frame f) {
    doCreate(f, false);
  }

  static void create2(Frame f) {
    doCreate(f, true);
  }

  private static void doCreate(Frame f, boolean create2) {
    Word value = f.stack.pop();
    long off = f.stack.pop().longValue();
    Word size = f.stack.pop();
    Word salt = create2 ? f.stack.pop() : null;
    byte[] init = size.isZero() ? new byte[0] : f.memory.read(off, size.longValue());
    long callGas = f.gas - f.gas / 64; // EIP-150: all but one 64th
    f.gas -= callGas;
    Address self = f.address();
    Address target = create2
        ? ContractAddress.create2(self, salt, init)
        : ContractAddress.create(self, f.state().nonce(self));
    Message m = new Message(create2 ? CallKind.CREATE2 : CallKind.CREATE, self, target, target, value, init,
        callGas, f.message.depth() + 1, false);
    CallResult r = f.evm.create(m);
    f.gas += r.gasLeft();
    f.returnData = r.status() == CallResult.Status.REVERT ? r.output() : new byte[0];
    f.stack.push(r.isSuccess() ? Word.fromAddress(target) : Word.ZERO);
  }

  // ---- calls ----

  /** CALL and CALLCODE: (gas, address, value, argsOffset, argsSize, retOffset, retSize). */
  static long callEnd(Stack s) {
    return Math.max(Operation.memoryEnd(s.peek(3), s.peek(4)), Operation.memoryEnd(s.peek(5), s.peek(6)));
  }

  /** DELEGATECALL and STATICCALL: (gas, address, argsOffset, argsSize, retOffset, retSize). */
  static long callNoValueEnd(Stack s) {
    return Math.max(Operation.memoryEnd(s.peek(2), s.peek(3)), Operation.memoryEnd(s.peek(4), s.peek(5)));
  }

  static long callGas(Frame f) {
    return callVariantGas(f, CallKind.CALL);
  }

  static long callcodeGas(Frame f) {
    return callVariantGas(f, CallKind.CALLCODE);
  }

  static long delegatecallGas(Frame f) {
    return callVariantGas(f, CallKind.DELEGATECALL);
  }

  static long staticcallGas(Frame f) {
    return callVariantGas(f, CallKind.STATICCALL);
  }

  /**
   * Address access (EIP-2929), value transfer and new-account charges are paid first; then the callee gets the
   * requested gas capped at all but one 64th of what remains (EIP-150). The cap is what this returns, and it
   * is kept in the frame for the execution.
   */
  private static long callVariantGas(Frame f, CallKind kind) {
    Address to = f.stack.peek(1).toAddress();
    boolean hasValue = (kind == CallKind.CALL || kind == CallKind.CALLCODE) && !f.stack.peek(2).isZero();
    if (kind == CallKind.CALL && hasValue && f.message.isStatic()) {
      throw new EvmHalt(HaltReason.WRITE_PROTECTION);
    }
    long cost = EnvironmentOps.accessCost(f, to);
    if (hasValue) {
      cost += GasCost.CALL_VALUE;
      if (kind == CallKind.CALL && f.state().isEmpty(to)) {
        cost += GasCost.NEW_ACCOUNT;
      }
    }
    f.useGas(cost);
    long available = f.gas - f.gas / 64;
    long requested = f.stack.peek(0).clampedLong();
    f.pendingCallGas = Math.min(requested, available);
    return f.pendingCallGas;
  }

  static void call(Frame f) {
    doCall(f, CallKind.CALL);
  }

  static void callcode(Frame f) {
    doCall(f, CallKind.CALLCODE);
  }

  static void delegatecall(Frame f) {
    doCall(f, CallKind.DELEGATECALL);
  }

  static void staticcall(Frame f) {
    doCall(f, CallKind.STATICCALL);
  }

  private static void doCall(Frame f, CallKind kind) {
    Stack s = f.stack;
    s.pop(); // requested gas: already turned into pendingCallGas
    Address to = s.pop().toAddress();
    Word value = (kind == CallKind.CALL || kind == CallKind.CALLCODE) ? s.pop() : Word.ZERO;
    long argsOff = s.pop().longValue();
    Word argsSize = s.pop();
    long retOff = s.pop().longValue();
    Word retSize = s.pop();
    byte[] args = argsSize.isZero() ? new byte[0] : f.memory.read(argsOff, argsSize.longValue());
    long gas = f.pendingCallGas;
    if (!value.isZero()) gas += GasCost.CALL_STIPEND;
    Address self = f.address();
    int depth = f.message.depth() + 1;
    Message m = switch (kind) {
      case CALL -> new Message(kind, self, to, to, value, args, gas, depth, f.message.isStatic());
      case CALLCODE -> new Message(kind, self, self, to, value, args, gas, depth, f.message.isStatic());
      case DELEGATECALL -> new Message(kind, f.message.caller(), self, to, f.message.value(), args, gas, depth,
          f.message.isStatic());
      case STATICCALL -> new Message(kind, self, to, to, Word.ZERO, args, gas, depth, true);
      default -> throw new IllegalArgumentException(kind + " is not a call");
    };
    CallResult r = f.evm.call(m);
    f.returnData = r.output();
    if (!retSize.isZero() && r.output().length > 0) {
      int n = (int) Math.min(retSize.longValue(), r.output().length);
      f.memory.writePadded(retOff, n, r.output(), 0);
    }
    f.gas += r.gasLeft();
    s.push(Word.bool(r.isSuccess()));
  }

  // ---- selfdestruct ----

  /** 5000, plus 2600 for a cold beneficiary, plus 25000 when value goes to an empty beneficiary. */
  static long selfdestructGas(Frame f) {
    Address beneficiary = f.stack.peek(0).toAddress();
    long cost = f.state().warm(beneficiary) ? GasCost.COLD_ACCOUNT_ACCESS : 0;
    if (!f.state().balance(f.address()).isZero() && f.state().isEmpty(beneficiary)) {
      cost += GasCost.NEW_ACCOUNT;
    }
    return cost;
  }

  /**
   * EIP-6780: the balance always moves to the beneficiary; the account itself is deleted only when it was
   * created in this same transaction (then a self-beneficiary burns the balance).
   */
  static void selfdestruct(Frame f) {
    Address beneficiary = f.stack.pop().toAddress();
    Address self = f.address();
    WorldState st = f.state();
    Word balance = st.balance(self);
    st.subBalance(self, balance);
    st.addBalance(beneficiary, balance);
    if (st.createdInThisTransaction(self)) {
      st.setBalance(self, Word.ZERO);
      st.markSelfDestructed(self);
    }
    f.state = Frame.State.STOPPED;
  }
}
