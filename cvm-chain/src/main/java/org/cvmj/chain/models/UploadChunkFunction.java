package org.cvmj.chain.models;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.models.CallData.BadCallData;
import org.cvmj.chain.sol.Abi;

/**
 * {@code uploadChunk(address model, uint8 file, uint32 index, bytes data) returns (uint32 missing)}: stores one
 * chunk of the symbol (file 0) or params (file 1), by the author only, in any order. Re-sending a received chunk
 * with the same bytes changes nothing and succeeds; with different bytes it reverts (the first bytes stand: a
 * file whose bytes are wrong is rejected when complete, and the author registers again). The chunk that completes
 * both files also verifies the model (ModelVerifier) and marks it ready or rejected.
 */
final class UploadChunkFunction implements RegistryFunction {
  static final String SIGNATURE = "uploadChunk(address,uint8,uint32,bytes)";
  static final List<String> ARGS = List.of("model", "file", "index", "data");

  @Override
  public CallResult call(RegistryCall c) throws BadCallData {
    CallData a = c.args();
    Address address = a.address(0);
    long fileId = a.uint(1, 8);
    long index = a.uint(2, 32);
    byte[] data = a.bytes(3);
    ModelRecord m = c.storage().read(address).orElse(null);
    if (m == null) {
      return Reverts.revert(c.gas(), "uploadChunk: no model is registered at " + address);
    }
    if (!c.message().caller().equals(m.author())) {
      return Reverts.revert(c.gas(), "uploadChunk: only the author " + m.author() + " may upload model " + address);
    }
    if (m.status() != ModelStatus.UPLOADING) {
      return Reverts.revert(c.gas(), "uploadChunk: model " + address + " is " + m.status()
          + "; its upload is complete");
    }
    ModelFile file = ModelFile.ofId(fileId);
    if (file == null) {
      return Reverts.revert(c.gas(), "uploadChunk: file must be 0 (symbol) or 1 (params), got " + fileId);
    }
    int chunks = ModelLimits.chunks(m.size(file));
    if (index >= chunks) {
      return Reverts.revert(c.gas(), "uploadChunk: the " + file.fileName() + " has chunks 0.." + (chunks - 1)
          + ", not " + index);
    }
    int i = (int) index;
    long expected = Math.min(ModelLimits.CHUNK_SIZE, m.size(file) - (long) i * ModelLimits.CHUNK_SIZE);
    if (data.length != expected) {
      return Reverts.revert(c.gas(), "uploadChunk: chunk " + i + " of the " + file.fileName() + " must be "
          + expected + " bytes, got " + data.length);
    }
    Hash hash = Keccak256.hash(data);
    Hash previous = c.storage().chunk(address, file, i);
    int missing = m.chunksTotal() - m.chunksReceived();
    if (previous != null) {
      if (!previous.equals(hash)) {
        return Reverts.revert(c.gas(), "uploadChunk: chunk " + i + " of the " + file.fileName()
            + " was already received with keccak256 " + previous + "; received chunks cannot be replaced");
      }
      return c.gas() < ModelGas.CHUNK_BASE ? Reverts.outOfGas()
          : Reverts.success(c.gas() - ModelGas.CHUNK_BASE, Abi.encode(List.of("uint32"), missing));
    }
    boolean last = missing == 1;
    // every chunk prepays the verification of its bytes, so that the chunk that completes a model costs no more
    // than the others and a model of any allowed size can complete within a block's gas limit
    long gas = ModelGas.CHUNK_BASE + (ModelGas.CHUNK_BYTE + ModelGas.VERIFY_BYTE) * data.length;
    if (gas > c.gas()) {
      return Reverts.outOfGas();
    }
    c.blobs().put(data);
    c.storage().putChunk(address, file, i, hash);
    RegistryEvents.uploadProgress(c.evm().state(), address, file, i, m.chunksReceived() + 1, m.chunksTotal());
    if (last) {
      complete(c, c.storage().read(address).orElseThrow());
    }
    return Reverts.success(c.gas() - gas, Abi.encode(List.of("uint32"), missing - 1));
  }

  private static void complete(RegistryCall c, ModelRecord m) {
    byte[] symbol = ModelFiles.read(c.storage(), c.blobs(), m, ModelFile.SYMBOL);
    byte[] params = ModelFiles.read(c.storage(), c.blobs(), m, ModelFile.PARAMS);
    ModelVerifier.Verdict v = ModelVerifier.verify(m, symbol, params);
    if (v.accepted()) {
      long readyBlock = c.blockNumber() + c.rules().maturityBlocks();
      c.storage().markReady(m.address(), v.ops(), readyBlock, v.io());
      c.cache().model(m, v::model);
      RegistryEvents.ready(c.evm().state(), m.address(), v.ops(), readyBlock);
    } else {
      String reason = truncate(v.rejection());
      c.storage().markRejected(m.address(), reason);
      RegistryEvents.rejected(c.evm().state(), m.address(), reason);
    }
  }

  /** At most MAX_REASON_BYTES of UTF-8, cut at a character boundary. */
  static String truncate(String reason) {
    byte[] b = reason.getBytes(StandardCharsets.UTF_8);
    if (b.length <= ModelLimits.MAX_REASON_BYTES) {
      return reason;
    }
    int n = ModelLimits.MAX_REASON_BYTES;
    while (n > 0 && (b[n] & 0xc0) == 0x80) {
      n--;
    }
    return new String(Arrays.copyOf(b, n), StandardCharsets.UTF_8);
  }
}
