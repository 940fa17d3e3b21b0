package org.cvmj.chain.evm;

/** The Cancun gas schedule: every constant the table and the call/create logic charge, named once. */
final class GasCost {
  private GasCost() {}

  static final long ZERO = 0;
  static final long JUMPDEST = 1;
  static final long BASE = 2;
  static final long VERY_LOW = 3;
  static final long LOW = 5;
  static final long MID = 8;
  static final long HIGH = 10;
  static final long BLOCKHASH = 20;

  static final long EXP = 10;
  static final long EXP_BYTE = 50;
  static final long KECCAK256 = 30;
  static final long KECCAK256_WORD = 6;
  static final long COPY_WORD = 3;
  static final long LOG = 375;
  static final long LOG_TOPIC = 375;
  static final long LOG_DATA_BYTE = 8;

  // EIP-2929
  static final long WARM_ACCESS = 100;
  static final long COLD_ACCOUNT_ACCESS = 2600;
  static final long COLD_SLOAD = 2100;

  // EIP-2200 / EIP-3529 SSTORE
  static final long SSTORE_SET = 20000;
  static final long SSTORE_RESET = 5000 - COLD_SLOAD;
  static final long SSTORE_SENTRY = 2300;
  static final long SSTORE_CLEARS_REFUND = 4800;

  static final long TRANSIENT = 100; // EIP-1153 TLOAD/TSTORE

  // calls
  static final long CALL_VALUE = 9000;
  static final long CALL_STIPEND = 2300;
  static final long NEW_ACCOUNT = 25000;

  // creates
  static final long CREATE = 32000;
  static final long INITCODE_WORD = 2; // EIP-3860
  static final long CODE_DEPOSIT_BYTE = 200;
  static final int MAX_CODE_SIZE = 24576; // EIP-170

  static final long SELFDESTRUCT = 5000;

  static long words(long bytes) {
    return (bytes + 31) / 32;
  }

  /** cost · words, saturating so absurd sizes run out of gas instead of overflowing. */
  static long perWord(long cost, long bytes) {
    long w = words(bytes);
    return w > Long.MAX_VALUE / 64 ? Long.MAX_VALUE : cost * w;
  }

  static long add(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }
}
