package org.cvmj.chain.evm;

import org.cvmj.chain.crypto.Address;

/** 0x54 SLOAD, 0x55 SSTORE (EIP-2200/2929/3529 gas and refunds), 0x5C TLOAD, 0x5D TSTORE (EIP-1153). */
final class StorageOps {
  private StorageOps() {}

  static long sloadGas(Frame f) {
    return f.state().warm(f.address(), f.stack.peek(0)) ? GasCost.COLD_SLOAD : GasCost.WARM_ACCESS;
  }

  static void sload(Frame f) {
    f.stack.push(f.state().storage(f.address(), f.stack.pop()));
  }

  /**
   * SSTORE gas, from the slot's original value (at transaction start), current value and new value, and the
   * refund counter changes that go with it (EIP-2200 as amended by EIP-2929 and EIP-3529).
   */
  static long sstoreGas(Frame f) {
    if (f.gas <= GasCost.SSTORE_SENTRY) {
      throw new EvmHalt(HaltReason.OUT_OF_GAS);
    }
    WorldState st = f.state();
    Address a = f.address();
    Word key = f.stack.peek(0);
    Word value = f.stack.peek(1);
    long cost = st.warm(a, key) ? GasCost.COLD_SLOAD : 0;
    Word current = st.storage(a, key);
    if (current.equals(value)) {
      return cost + GasCost.WARM_ACCESS;
    }
    Word original = st.originalStorage(a, key);
    if (original.equals(current)) {
      if (original.isZero()) {
        return cost + GasCost.SSTORE_SET;
      }
      if (value.isZero()) {
        st.addRefund(GasCost.SSTORE_CLEARS_REFUND);
      }
      return cost + GasCost.SSTORE_RESET;
    }
    if (!original.isZero()) {
      if (current.isZero()) {
        st.subRefund(GasCost.SSTORE_CLEARS_REFUND);
      } else if (value.isZero()) {
        st.addRefund(GasCost.SSTORE_CLEARS_REFUND);
      }
    }
    if (original.equals(value)) {
      st.addRefund(original.isZero()
          ? GasCost.SSTORE_SET - GasCost.WARM_ACCESS
          : GasCost.SSTORE_RESET - GasCost.WARM_ACCESS);
    }
    return cost + GasCost.WARM_ACCESS;
  }

  static void sstore(Frame f) {
    Word key = f.stack.pop();
    f.state().setStorage(f.address(), key, f.stack.pop());
  }

  static void tload(Frame f) {
    f.stack.push(f.state().transientStorage(f.address(), f.stack.pop()));
  }

  static void tstore(Frame f) {
    Word key = f.stack.pop();
    f.state().setTransientStorage(f.address(), key, f.stack.pop());
  }
}
