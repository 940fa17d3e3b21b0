package org.cvmj.chain.models;

import org.cvmj.chain.crypto.Address;
import org.cvmj.cvm.model.ModelException;

/**
 * What the {@code infer} precompile and the off-chain {@code cvm_infer} share, so that both refuse the same calls
 * with the same reasons and give the same bytes: the checks on a model and an input in a block, and running the
 * model through the node's caches ({@link LoadedModels}), loading it from its chunks on a miss.
 */
final class ModelRunner {
  private final BlobStore blobs;
  private final LoadedModels cache;

  ModelRunner(BlobStore blobs, LoadedModels cache) {
    this.blobs = blobs;
    this.cache = cache;
  }

  /**
   * Why {@code model} (the record at {@code address}, null when none) cannot run on {@code inputLength} bytes in
   * block {@code number}: the full revert reason, {@code infer: ...}; null when it can.
   */
  static String refusal(ModelRecord model, Address address, long number, int inputLength) {
    if (model == null) {
      return "infer: no model is registered at " + address;
    }
    switch (model.status()) {
      case UPLOADING:
        return "infer: model " + address + " is still uploading (" + model.chunksReceived() + " of "
            + model.chunksTotal() + " chunks received)";
      case REJECTED:
        return "infer: model " + address + " was rejected: " + model.rejection();
      default:
        break;
    }
    if (number < model.readyBlock()) {
      return "infer: model " + address + " is not mature: callable from block " + model.readyBlock()
          + ", this is block " + number;
    }
    if (inputLength != model.io().inputBytes()) {
      return "infer: model " + address + " takes " + model.io().inputBytes() + " input bytes ("
          + model.inputShape() + ", " + (model.io().inputElementSize() == 1 ? "int8" : "int32 big-endian")
          + "), got " + inputLength;
    }
    return null;
  }

  /** The revert reason of a run that failed inside the runtime. */
  static String failure(Address address, ModelException e) {
    return "infer: model " + address + " failed: " + e.getMessage();
  }

  /** The gas an {@code infer} call of {@code m} on {@code inputLength} bytes is charged. */
  static long gas(ModelRecord m, int inputLength) {
    return ModelGas.infer(m.ops(), m.fee(), inputLength, m.io().outputBytes());
  }

  /** Runs a ready model that passed {@link #refusal}; a cached result when there is one. */
  byte[] run(RegistryStorage storage, ModelRecord m, byte[] input) throws ModelException {
    byte[] cached = cache.result(m, input);
    if (cached != null) {
      return cached;
    }
    LoadedModel loaded = cache.model(m, () -> load(storage, m));
    byte[] out = loaded.run(input);
    cache.putResult(m, input, out);
    return out;
  }

  /** Loads a ready model from its chunks; it passed the same checks when it was verified. */
  private LoadedModel load(RegistryStorage storage, ModelRecord m) {
    byte[] symbol = ModelFiles.read(storage, blobs, m, ModelFile.SYMBOL);
    byte[] params = ModelFiles.read(storage, blobs, m, ModelFile.PARAMS);
    ModelVerifier.Verdict v = ModelVerifier.verify(m, symbol, params);
    if (!v.accepted()) {
      throw new IllegalStateException("model " + m.address() + " was verified but now fails: " + v.rejection());
    }
    return v.model();
  }
}
