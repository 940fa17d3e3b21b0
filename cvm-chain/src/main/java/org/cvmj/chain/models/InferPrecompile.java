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

  private final ModelRunner runner;

  InferPrecompile(BlobStore blobs, LoadedModels cache) {
    this.runner = new ModelRunner(blobs, cache);
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
    String refusal = ModelRunner.refusal(model, address, evm.block().number(), input.length);
    if (refusal != null) {
      return Reverts.revert(gas, refusal);
    }
    if (m.isStatic() && model.fee() > 0) {
      return Reverts.revert(gas, "infer: model " + address + " charges a fee of " + model.fee() + " gas, which a"
          + " static call (a view) cannot pay; call it from a transaction with CALL");
    }
    long cost = ModelRunner.gas(model, input.length);
    if (cost > gas) {
      return Reverts.outOfGas();
    }
    byte[] output;
    try {
      output = runner.run(storage, model, input);
    } catch (ModelException e) {
      return Reverts.revert(gas, ModelRunner.failure(address, e));
    }
    if (!m.isStatic()) {
      FeeAccounting.pay(evm, model, m.caller());
    }
    return Reverts.success(gas - cost, Abi.encode(List.of("bytes"), (Object) output));
  }
}
