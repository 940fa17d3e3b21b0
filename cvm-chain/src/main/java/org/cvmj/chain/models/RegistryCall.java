package org.cvmj.chain.models;

import org.cvmj.chain.evm.Evm;
import org.cvmj.chain.evm.Message;

/**
 * One call of a registry function: the message, its decoded arguments and what the function may use.
 *
 * @param cache the node's loaded models, to warm when a model is verified
 */
record RegistryCall(Evm evm, Message message, CallData args, RegistryStorage storage, BlobStore blobs,
    ModelRules rules, LoadedModels cache) {

  long gas() {
    return message.gas();
  }

  long blockNumber() {
    return evm.block().number();
  }
}
