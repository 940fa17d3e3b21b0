package org.cvmj.chain.evm;

/** Thrown inside a frame to halt it exceptionally; caught by {@link Interpreter}. No stack trace: it is control flow. */
final class EvmHalt extends RuntimeException {
  final HaltReason reason;

  EvmHalt(HaltReason reason) {
    super(reason.message(), null, false, false);
    this.reason = reason;
  }
}
