package org.cvmj.chain.models;

import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.evm.WorldState;
import org.cvmj.chain.sol.Abi;

/** The registry's events (declared in IModelRegistry.sol), all emitted from {@link SystemAddresses#REGISTRY}. */
final class RegistryEvents {
  static final String REGISTERED = "Registered(address,address,bytes32,uint64,bytes32,uint64,uint64,string)";
  static final String UPLOAD_PROGRESS = "UploadProgress(address,uint8,uint32,uint32,uint32)";
  static final String READY = "Ready(address,uint64,uint64)";
  static final String REJECTED = "Rejected(address,string)";
  static final String CALLED = "Called(address,address,address,uint64,uint256)";

  private RegistryEvents() {}

  static void registered(WorldState s, Address model, Address author, Hash symbolHash, long symbolSize,
      Hash paramsHash, long paramsSize, long fee, String description) {
    emit(s, REGISTERED, List.of(model, author), List.of("bytes32", "uint64", "bytes32", "uint64", "uint64", "string"),
        symbolHash.bytes(), symbolSize, paramsHash.bytes(), paramsSize, fee, description);
  }

  static void uploadProgress(WorldState s, Address model, ModelFile file, int index, int received, int total) {
    emit(s, UPLOAD_PROGRESS, List.of(model), List.of("uint8", "uint32", "uint32", "uint32"), file.id(), index,
        received, total);
  }

  static void ready(WorldState s, Address model, long ops, long readyBlock) {
    emit(s, READY, List.of(model), List.of("uint64", "uint64"), ops, readyBlock);
  }

  static void rejected(WorldState s, Address model, String reason) {
    emit(s, REJECTED, List.of(model), List.of("string"), reason);
  }

  static void called(WorldState s, Address model, Address caller, Address author, long feeGas, Word paid) {
    emit(s, CALLED, List.of(model, caller, author), List.of("uint64", "uint256"), feeGas, paid.toBigInteger());
  }

  private static void emit(WorldState s, String signature, List<Address> indexed, List<String> types,
      Object... values) {
    List<Word> topics = new ArrayList<>();
    topics.add(Word.fromBytes(Abi.eventTopic(signature).bytes()));
    for (Address a : indexed) {
      topics.add(Word.fromAddress(a));
    }
    s.addLog(new Log(SystemAddresses.REGISTRY, topics, Abi.encode(types, values)));
  }
}
