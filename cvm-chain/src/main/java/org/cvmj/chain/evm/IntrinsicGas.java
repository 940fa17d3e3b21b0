package org.cvmj.chain.evm;

import java.util.List;

/**
 * The gas a transaction pays before any code runs (Cancun): 21000, plus 32000 and 2 per init code word for a
 * creation (EIP-3860), 4 per zero and 16 per non-zero data byte, 2400 per access list address and 1900 per
 * storage key (EIP-2930). The caller of {@link TransactionExecutor} passes this as
 * {@link TransactionRequest#intrinsicGas()}.
 */
public final class IntrinsicGas {
  public static final long TX = 21000;
  public static final long TX_CREATE = 32000;
  public static final long DATA_ZERO_BYTE = 4;
  public static final long DATA_NONZERO_BYTE = 16;
  public static final long ACCESS_LIST_ADDRESS = 2400;
  public static final long ACCESS_LIST_STORAGE_KEY = 1900;

  private IntrinsicGas() {}

  public static long of(byte[] data, boolean isCreate, List<AccessListEntry> accessList) {
    long gas = TX;
    for (byte b : data) gas += b == 0 ? DATA_ZERO_BYTE : DATA_NONZERO_BYTE;
    if (isCreate) {
      gas += TX_CREATE + GasCost.INITCODE_WORD * GasCost.words(data.length);
    }
    for (AccessListEntry e : accessList) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * e.storageKeys().size();
    }
    return gas;
  }

  public static long of(TransactionRequest tx) {
    return of(tx.data(), tx.isCreate(), tx.accessList());
  }
}
