package org.cvmj.chain.models;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.CallKind;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.evm.Evm;
import org.cvmj.chain.evm.Message;
import org.cvmj.chain.evm.SystemContract;
import org.cvmj.chain.models.CallData.BadCallData;
import org.cvmj.chain.sol.Abi;
import org.cvmj.cvm.model.ModelException;

/**
 * {@code infer(address model, bytes input) returns (bytes output)} at {@link SystemAddresses#INFER}: runs a ready
 * model on input bytes in the CVM convention (int8, or int32 big-endian, per the model's input precision) and
 * returns its output the same way: exactly what {@code cvm run} writes, with int32 words big-endian.
 *
 * <p>Gas ({@link ModelGas#infer}) is charged before running; too little is an ordinary out-of-gas failure. Every
 * semantic failure (malformed call data, value sent, DELEGATECALL/CALLCODE, unknown, uploading, rejected or
 * immature model, wrong input length, a paid model in a static call) reverts with an {@code Error(string)} and
 * returns the gas. A model with a fee can only be called by CALL: the fee is paid to its author
 * ({@link FeeAccounting}), which writes state; a free model may also be called by STATICCALL (views), and such
 * calls are not counted.
 */
final class InferPrecompile implements SystemContract {
  static final String SIGNATURE = "infer(address,bytes)";
  private static final byte[] SELECTOR = Abi.selector(SIGNATURE);

  private final BlobStore blobs;
  private final LoadedModels cache;

  InferPrecompile(BlobStore blobs, LoadedModels cache) {
    this.blobs = blobs;
    this.cache = cache;
  }

  @Override
  public CallResult call(Evm evm, Message m) {
    long gas = m.gas();
    if (m.kind() != CallKind.CALL && m.kind() != CallKind.STATICCALL) {
      return Reverts.revert(gas, "infer: " + m.kind() + " is not allowed; use CALL or STATICCALL");
    }
    if (!m.value().isZero()) {
      return Reverts.revert(gas, "infer: send no value (the author's fee is paid in gas)");
    }
    if (m.input().length < 4 || !java.util.Arrays.equals(m.input(), 0, 4, SELECTOR, 0, 4)) {
      return Reverts.revert(gas, "infer: call data must be infer(address,bytes)");
    }
    CallData args = new CallData(m.input(), List.of("model", "input"));
    Address address;
    byte[] input;
    try {
      address = args.address(0);
      input = args.bytes(1);
    } catch (BadCallData e) {
      return Reverts.revert(gas, "infer: malformed call data: " + e.getMessage());
    }
    RegistryStorage storage = new RegistryStorage(evm.state());
    ModelRecord model = storage.read(address).orElse(null);
    String problem = problem(model, address, evm.block().number(), input.length);
    if (problem != null) {
      return Reverts.revert(gas, "infer: " + problem);
    }
    if (m.isStatic() && model.fee() > 0) {
      return Reverts.revert(gas, "infer: model " + address + " charges a fee of " + model.fee() + " gas, which a"
          + " static call (a view) cannot pay; call it from a transaction with CALL");
    }
    long cost = ModelGas.infer(model.ops(), model.fee(), input.length, model.io().outputBytes());
    if (cost > gas) {
      return Reverts.outOfGas();
    }
    byte[] output;
    try {
      output = run(storage, model, input);
    } catch (ModelException e) {
      return Reverts.revert(gas, "infer: model " + address + " failed: " + e.getMessage());
    }
    if (!m.isStatic()) {
      FeeAccounting.pay(evm, model, m.caller());
    }
    return Reverts.success(gas - cost, Abi.encode(List.of("bytes"), (Object) output));
  }

  /** Why {@code model} cannot run on {@code inputLength} bytes in block {@code number}, or null. */
  private static String problem(ModelRecord model, Address address, long number, int inputLength) {
    if (model == null) {
      return "no model is registered at " + address;
    }
    switch (model.status()) {
      case UPLOADING:
        return "model " + address + " is still uploading (" + model.chunksReceived() + " of "
            + model.chunksTotal() + " chunks received)";
      case REJECTED:
        return "model " + address + " was rejected: " + model.rejection();
      default:
        break;
    }
    if (number < model.readyBlock()) {
      return "model " + address + " is not mature: callable from block " + model.readyBlock() + ", this is block "
          + number;
    }
    if (inputLength != model.io().inputBytes()) {
      return "model " + address + " takes " + model.io().inputBytes() + " input bytes (" + model.inputShape()
          + ", " + (model.io().inputElementSize() == 1 ? "int8" : "int32 big-endian") + "), got " + inputLength;
    }
    return null;
  }

  private byte[] run(RegistryStorage storage, ModelRecord m, byte[] input) throws ModelException {
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
