package org.cvmj.chain.models;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.evm.CallKind;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.evm.Evm;
import org.cvmj.chain.evm.Message;
import org.cvmj.chain.evm.SystemContract;
import org.cvmj.chain.models.CallData.BadCallData;

/**
 * The model registry at {@link SystemAddresses#REGISTRY}: the ABI of IModelRegistry.sol, dispatched by selector
 * through {@link #FUNCTIONS}, the one table of its functions. Only CALL (and STATICCALL for views) reach it: a
 * DELEGATECALL or CALLCODE would let a contract act as its caller's caller, so it reverts, as does any value.
 */
final class RegistryContract implements SystemContract {
  /** One row of the table: the signature, argument names, whether it writes state, and the function. */
  record Entry(String signature, List<String> args, boolean writes, RegistryFunction function) {}

  static final List<Entry> FUNCTIONS = List.of(
      new Entry(RegisterFunction.SIGNATURE, RegisterFunction.ARGS, true, new RegisterFunction()),
      new Entry(UploadChunkFunction.SIGNATURE, UploadChunkFunction.ARGS, true, new UploadChunkFunction()),
      new Entry("modelCount()", List.of(), false, RegistryViews::modelCount),
      new Entry("modelAt(uint256)", List.of("index"), false, RegistryViews::modelAt),
      new Entry("modelInfo(address)", List.of("model"), false, RegistryViews::modelInfo),
      new Entry("modelFiles(address)", List.of("model"), false, RegistryViews::modelFiles),
      new Entry("modelIO(address)", List.of("model"), false, RegistryViews::modelIo),
      new Entry("description(address)", List.of("model"), false, RegistryViews::description),
      new Entry("rejection(address)", List.of("model"), false, RegistryViews::rejection),
      new Entry("chunkHash(address,uint8,uint32)", List.of("model", "file", "index"), false,
          RegistryViews::chunkHash),
      new Entry("authorEarned(address)", List.of("author"), false, RegistryViews::authorEarned),
      new Entry("chunkSize()", List.of(), false, RegistryViews::chunkSize));

  private static final Map<String, Entry> BY_SELECTOR = bySelector();

  private final BlobStore blobs;
  private final ModelRules rules;
  private final LoadedModels cache;

  RegistryContract(BlobStore blobs, ModelRules rules, LoadedModels cache) {
    this.blobs = blobs;
    this.rules = rules;
    this.cache = cache;
  }

  @Override
  public CallResult call(Evm evm, Message m) {
    if (m.kind() != CallKind.CALL && m.kind() != CallKind.STATICCALL) {
      return Reverts.revert(m.gas(), "model registry: " + m.kind() + " is not allowed; call it with CALL");
    }
    if (!m.value().isZero()) {
      return Reverts.revert(m.gas(), "model registry: functions are not payable; send no value");
    }
    if (m.input().length < 4) {
      return Reverts.revert(m.gas(), "model registry: the call data has no function selector");
    }
    Entry e = BY_SELECTOR.get(Hex.encode(Arrays.copyOf(m.input(), 4)));
    if (e == null) {
      return Reverts.revert(m.gas(), "model registry: unknown function selector "
          + Hex.encode(Arrays.copyOf(m.input(), 4)));
    }
    String name = e.signature().substring(0, e.signature().indexOf('('));
    if (e.writes() && m.isStatic()) {
      return Reverts.revert(m.gas(), name + " changes state and cannot run in a static call");
    }
    if (!e.writes() && m.gas() < ModelGas.VIEW) {
      return Reverts.outOfGas();
    }
    RegistryCall c = new RegistryCall(evm, m, new CallData(m.input(), e.args()), new RegistryStorage(evm.state()),
        blobs, rules, cache);
    try {
      return e.function().call(c);
    } catch (BadCallData bad) {
      return Reverts.revert(m.gas(), name + ": malformed call data: " + bad.getMessage());
    }
  }

  private static Map<String, Entry> bySelector() {
    Map<String, Entry> m = new TreeMap<>();
    for (Entry e : FUNCTIONS) {
      m.put(Hex.encode(CallData.selector(e.signature())), e);
    }
    return Map.copyOf(m);
  }
}
