package org.cvmj.chain.tx;

import java.util.List;

/**
 * The gas a transaction costs before any code runs (Cancun rules): 21000, plus 32000 for a creation, 4 per zero
 * and 16 per non-zero data byte (EIP-2028), 2400 per access-list address and 1900 per storage key (EIP-2930),
 * and for a creation 2 per 32-byte word of initcode (EIP-3860).
 */
public final class IntrinsicGas {
  public static final long TX = 21_000;
  public static final long CREATE = 32_000;
  public static final long ZERO_BYTE = 4;
  public static final long NON_ZERO_BYTE = 16;
  public static final long ACCESS_LIST_ADDRESS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  public static final long INITCODE_WORD = 2;
  /** EIP-3860: the largest initcode a creation may carry, twice the EIP-170 code size limit. */
  public static final int MAX_INITCODE_SIZE = 49_152;

  private IntrinsicGas() {}

  /** The intrinsic gas of {@code tx}. It cannot overflow: data is under 2^31 bytes. */
  public static long of(Transaction tx) {
    return of(tx.data(), tx.isCreate(), tx.accessList());
  }

  /** The intrinsic gas of a transaction with this data, creation flag and access list. */
  public static long of(byte[] data, boolean isCreate, List<AccessListEntry> accessList) {
    long gas = TX;
    int n = data.length;
    if (isCreate) {
      gas += CREATE + INITCODE_WORD * ((n + 31L) / 32);
    }
    long zeros = 0;
    for (byte b : data) {
      if (b == 0) {
        zeros++;
      }
    }
    gas += zeros * ZERO_BYTE + (n - zeros) * NON_ZERO_BYTE;
    for (AccessListEntry e : accessList) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * e.storageKeys().size();
    }
    return gas;
  }
}
