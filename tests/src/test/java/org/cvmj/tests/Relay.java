package org.cvmj.tests;

import java.util.List;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A contract that forwards its call data to the infer precompile and logs what came back, so that a test can read
 * the output of an infer call made inside a transaction (receipts carry no return data, and the node has no
 * tracer). Hand-assembled, so that the test needs no compiler; a failed call reverts with the precompile's data.
 */
final class Relay {
  /**
   * Runtime code: {@code calldatacopy(0, 0, calldatasize); ok := call(gas, 0xc001, 0, 0, calldatasize, 0, 0);
   * returndatacopy(0, 0, returndatasize); if !ok revert(0, returndatasize); log0(0, returndatasize); stop}.
   */
  private static final String RUNTIME = "36600060003760006000366000600061c0015af13d600060003e15602357"
      + "3d6000a0005b3d6000fd";
  /**
   * Creation code: {@code codecopy(0, 11, 40); return(0, 40)}, the 40-byte runtime that follows these 11 bytes.
   */
  static final String CREATION = "0x" + "6028" + "80" + "600b" + "6000" + "39" + "6000" + "f3" + RUNTIME;

  private Relay() {}

  /** The data of the one log the relay wrote in {@code receipt}: the ABI-encoded return of infer. */
  static String returned(TransactionReceipt receipt, String relay) {
    List<Log> logs = receipt.getLogs().stream().filter(l -> l.getAddress().equalsIgnoreCase(relay)).toList();
    if (logs.size() != 1 || !logs.get(0).getTopics().isEmpty()) {
      throw new AssertionError("the relay logged " + logs + ", expected one LOG0");
    }
    return logs.get(0).getData();
  }

  /** The code the creation leaves at the relay's address. */
  static byte[] runtime() {
    return Numeric.hexStringToByteArray(RUNTIME);
  }
}
