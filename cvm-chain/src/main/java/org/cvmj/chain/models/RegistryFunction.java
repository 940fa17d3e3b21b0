package org.cvmj.chain.models;

import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.models.CallData.BadCallData;

/** One function of the registry's ABI. */
interface RegistryFunction {
  /** Runs the call; semantic failures are reverts with a reason, never exceptions. */
  CallResult call(RegistryCall c) throws BadCallData;
}
