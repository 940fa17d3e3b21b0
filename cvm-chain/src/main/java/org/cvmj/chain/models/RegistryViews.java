package org.cvmj.chain.models;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.models.CallData.BadCallData;
import org.cvmj.chain.sol.Abi;

/** The registry's view functions, each {@link ModelGas#VIEW} gas; an unknown model reverts with a reason. */
final class RegistryViews {
  private RegistryViews() {}

  /** {@code modelCount() returns (uint256)}. */
  static CallResult modelCount(RegistryCall c) {
    return ok(c, List.of("uint256"), c.storage().modelCount());
  }

  /** {@code modelAt(uint256 index) returns (address)}: the index-th model, from 1. */
  static CallResult modelAt(RegistryCall c) throws BadCallData {
    Word index = c.args().word(0);
    long count = c.storage().modelCount();
    if (index.isZero() || index.gt(Word.of(count))) {
      return Reverts.revert(c.gas(), "modelAt: index " + index.toBigInteger() + " is outside 1.." + count);
    }
    return ok(c, List.of("address"), SystemAddresses.model(index.longValue()));
  }

  /**
   * {@code modelInfo(address) returns (address author, uint8 status, uint64 fee, uint64 ops, uint64 readyBlock,
   * uint64 calls, uint256 earned)}.
   */
  static CallResult modelInfo(RegistryCall c) throws BadCallData {
    ModelRecord m = c.storage().read(c.args().address(0)).orElse(null);
    if (m == null) {
      return unknown(c, "modelInfo");
    }
    return ok(c, List.of("address", "uint8", "uint64", "uint64", "uint64", "uint64", "uint256"), m.author(),
        m.status().code(), m.fee(), m.ops(), m.readyBlock(), m.calls(), m.earned().toBigInteger());
  }

  /**
   * {@code modelFiles(address) returns (bytes32 symbolHash, uint64 symbolSize, bytes32 paramsHash,
   * uint64 paramsSize, uint32 chunksReceived, uint32 chunksTotal)}.
   */
  static CallResult modelFiles(RegistryCall c) throws BadCallData {
    ModelRecord m = c.storage().read(c.args().address(0)).orElse(null);
    if (m == null) {
      return unknown(c, "modelFiles");
    }
    return ok(c, List.of("bytes32", "uint64", "bytes32", "uint64", "uint32", "uint32"), m.symbolHash().bytes(),
        m.symbolSize(), m.paramsHash().bytes(), m.paramsSize(), m.chunksReceived(), m.chunksTotal());
  }

  /**
   * {@code modelIO(address) returns (uint32[] inputShape, uint8 inputElementSize, uint32 inputBytes,
   * uint8 outputElementSize, uint32 outputBytes)}; the last four are 0 until the model is verified.
   */
  static CallResult modelIo(RegistryCall c) throws BadCallData {
    ModelRecord m = c.storage().read(c.args().address(0)).orElse(null);
    if (m == null) {
      return unknown(c, "modelIO");
    }
    ModelRecord.ModelIo io = m.io() == null ? new ModelRecord.ModelIo(0, 0, 0, 0) : m.io();
    // head: offset of the array, then four static words; tail: the array
    byte[] head = Abi.encode(List.of("uint256", "uint8", "uint32", "uint8", "uint32"), 5 * 32, io.inputElementSize(),
        io.inputBytes(), io.outputElementSize(), io.outputBytes());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head);
    out.writeBytes(Abi.encode(List.of("uint256"), m.inputShape().size()));
    for (long d : m.inputShape()) {
      out.writeBytes(Abi.encode(List.of("uint256"), d));
    }
    return Reverts.success(c.gas() - ModelGas.VIEW, out.toByteArray());
  }

  /** {@code description(address) returns (string)}. */
  static CallResult description(RegistryCall c) throws BadCallData {
    ModelRecord m = c.storage().read(c.args().address(0)).orElse(null);
    return m == null ? unknown(c, "description") : ok(c, List.of("string"), m.description());
  }

  /** {@code rejection(address) returns (string)}: why verification failed, empty unless rejected. */
  static CallResult rejection(RegistryCall c) throws BadCallData {
    ModelRecord m = c.storage().read(c.args().address(0)).orElse(null);
    return m == null ? unknown(c, "rejection") : ok(c, List.of("string"), m.rejection());
  }

  /** {@code chunkHash(address model, uint8 file, uint32 index) returns (bytes32)}: zero until received. */
  static CallResult chunkHash(RegistryCall c) throws BadCallData {
    Address model = c.args().address(0);
    ModelFile file = ModelFile.ofId(c.args().uint(1, 8));
    if (file == null) {
      return Reverts.revert(c.gas(), "chunkHash: file must be 0 (symbol) or 1 (params)");
    }
    Hash h = c.storage().chunk(model, file, (int) c.args().uint(2, 32));
    return ok(c, List.of("bytes32"), (h == null ? Hash.ZERO : h).bytes());
  }

  /** {@code authorEarned(address author) returns (uint256)}: wei earned from all the author's models. */
  static CallResult authorEarned(RegistryCall c) throws BadCallData {
    return ok(c, List.of("uint256"), c.storage().authorEarned(c.args().address(0)).toBigInteger());
  }

  /** {@code chunkSize() returns (uint256)}. */
  static CallResult chunkSize(RegistryCall c) {
    return ok(c, List.of("uint256"), BigInteger.valueOf(ModelLimits.CHUNK_SIZE));
  }

  private static CallResult unknown(RegistryCall c, String function) throws BadCallData {
    return Reverts.revert(c.gas(), function + ": no model is registered at " + c.args().address(0));
  }

  private static CallResult ok(RegistryCall c, List<String> types, Object... values) {
    return Reverts.success(c.gas() - ModelGas.VIEW, Abi.encode(types, values));
  }
}
