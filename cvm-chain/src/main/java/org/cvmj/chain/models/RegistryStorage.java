package org.cvmj.chain.models;

import static org.cvmj.chain.models.RegistryLayout.Field.AUTHOR;
import static org.cvmj.chain.models.RegistryLayout.Field.CALLS;
import static org.cvmj.chain.models.RegistryLayout.Field.CHUNKS_RECEIVED;
import static org.cvmj.chain.models.RegistryLayout.Field.DESCRIPTION;
import static org.cvmj.chain.models.RegistryLayout.Field.EARNED;
import static org.cvmj.chain.models.RegistryLayout.Field.FEE;
import static org.cvmj.chain.models.RegistryLayout.Field.INDEX;
import static org.cvmj.chain.models.RegistryLayout.Field.INPUT_BYTES;
import static org.cvmj.chain.models.RegistryLayout.Field.INPUT_ELEMENT_SIZE;
import static org.cvmj.chain.models.RegistryLayout.Field.INPUT_RANK;
import static org.cvmj.chain.models.RegistryLayout.Field.OPS;
import static org.cvmj.chain.models.RegistryLayout.Field.OUTPUT_BYTES;
import static org.cvmj.chain.models.RegistryLayout.Field.OUTPUT_ELEMENT_SIZE;
import static org.cvmj.chain.models.RegistryLayout.Field.PARAMS_HASH;
import static org.cvmj.chain.models.RegistryLayout.Field.PARAMS_SIZE;
import static org.cvmj.chain.models.RegistryLayout.Field.READY_BLOCK;
import static org.cvmj.chain.models.RegistryLayout.Field.REGISTERED_BLOCK;
import static org.cvmj.chain.models.RegistryLayout.Field.REJECTION;
import static org.cvmj.chain.models.RegistryLayout.Field.STATUS;
import static org.cvmj.chain.models.RegistryLayout.Field.SYMBOL_HASH;
import static org.cvmj.chain.models.RegistryLayout.Field.SYMBOL_SIZE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.evm.WorldState;
import org.cvmj.chain.models.RegistryLayout.Field;

/** The one reader and writer of {@link RegistryLayout} over a world state. */
final class RegistryStorage {
  private static final Address R = SystemAddresses.REGISTRY;
  private final WorldState state;

  RegistryStorage(WorldState state) {
    this.state = state;
  }

  long modelCount() {
    return state.storage(R, RegistryLayout.MODEL_COUNT).longValue();
  }

  Optional<ModelRecord> read(Address model) {
    ModelStatus status = ModelStatus.ofCode(get(model, STATUS).longValue());
    if (status == ModelStatus.NONE) {
      return Optional.empty();
    }
    int rank = (int) get(model, INPUT_RANK).longValue();
    List<Long> shape = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      shape.add(state.storage(R, RegistryLayout.inputDim(model, i)).longValue());
    }
    long inElem = get(model, INPUT_ELEMENT_SIZE).longValue();
    ModelRecord.ModelIo io = inElem == 0 ? null : new ModelRecord.ModelIo((int) inElem,
        get(model, INPUT_BYTES).longValue(), (int) get(model, OUTPUT_ELEMENT_SIZE).longValue(),
        get(model, OUTPUT_BYTES).longValue());
    return Optional.of(new ModelRecord(model, get(model, INDEX).longValue(), get(model, AUTHOR).toAddress(),
        new Hash(get(model, SYMBOL_HASH).toBytes()), get(model, SYMBOL_SIZE).longValue(),
        new Hash(get(model, PARAMS_HASH).toBytes()), get(model, PARAMS_SIZE).longValue(), get(model, FEE).longValue(),
        shape, readString(RegistryLayout.field(model, DESCRIPTION)), status,
        get(model, REGISTERED_BLOCK).longValue(), get(model, READY_BLOCK).longValue(), get(model, OPS).longValue(),
        get(model, CALLS).longValue(), get(model, EARNED), (int) get(model, CHUNKS_RECEIVED).longValue(), io,
        readString(RegistryLayout.field(model, REJECTION))));
  }

  /** The author of a registered model (one storage read, for scans by author). */
  Address author(Address model) {
    return get(model, AUTHOR).toAddress();
  }

  /** Stores a new model (status UPLOADING) as model number {@code modelCount() + 1}; returns its address. */
  Address create(Address author, Hash symbolHash, long symbolSize, Hash paramsHash, long paramsSize, long fee,
      List<Long> shape, String description, long block) {
    if (state.nonce(R) == 0) {
      state.setNonce(R, 1); // an account with storage must never be EIP-161 empty (it would be deleted)
    }
    long index = modelCount() + 1;
    state.setStorage(R, RegistryLayout.MODEL_COUNT, Word.of(index));
    Address model = SystemAddresses.model(index);
    set(model, AUTHOR, Word.fromAddress(author));
    set(model, INDEX, Word.of(index));
    set(model, SYMBOL_HASH, Word.fromBytes(symbolHash.bytes()));
    set(model, SYMBOL_SIZE, Word.of(symbolSize));
    set(model, PARAMS_HASH, Word.fromBytes(paramsHash.bytes()));
    set(model, PARAMS_SIZE, Word.of(paramsSize));
    set(model, FEE, Word.of(fee));
    set(model, INPUT_RANK, Word.of(shape.size()));
    for (int i = 0; i < shape.size(); i++) {
      state.setStorage(R, RegistryLayout.inputDim(model, i), Word.of(shape.get(i)));
    }
    writeString(RegistryLayout.field(model, DESCRIPTION), description);
    set(model, REGISTERED_BLOCK, Word.of(block));
    set(model, STATUS, Word.of(ModelStatus.UPLOADING.code()));
    return model;
  }

  /** keccak256 of a received chunk, or null. */
  Hash chunk(Address model, ModelFile file, int index) {
    Word w = state.storage(R, RegistryLayout.chunkHash(model, file, index));
    return w.isZero() ? null : new Hash(w.toBytes());
  }

  /** Records a new chunk: its hash, its bitmap bit and the progress count. */
  void putChunk(Address model, ModelFile file, int index, Hash hash) {
    state.setStorage(R, RegistryLayout.chunkHash(model, file, index), Word.fromBytes(hash.bytes()));
    Word slot = RegistryLayout.bitmapWord(model, file, index / 256);
    state.setStorage(R, slot, state.storage(R, slot).or(Word.ONE.shl(index % 256)));
    set(model, CHUNKS_RECEIVED, Word.of(get(model, CHUNKS_RECEIVED).longValue() + 1));
  }

  /** Bitmap word {@code k} of {@code file}: bit i set when chunk 256k+i was received. */
  Word bitmap(Address model, ModelFile file, int k) {
    return state.storage(R, RegistryLayout.bitmapWord(model, file, k));
  }

  void markReady(Address model, long ops, long readyBlock, ModelRecord.ModelIo io) {
    set(model, OPS, Word.of(ops));
    set(model, READY_BLOCK, Word.of(readyBlock));
    set(model, INPUT_ELEMENT_SIZE, Word.of(io.inputElementSize()));
    set(model, INPUT_BYTES, Word.of(io.inputBytes()));
    set(model, OUTPUT_ELEMENT_SIZE, Word.of(io.outputElementSize()));
    set(model, OUTPUT_BYTES, Word.of(io.outputBytes()));
    set(model, STATUS, Word.of(ModelStatus.READY.code()));
  }

  void markRejected(Address model, String reason) {
    writeString(RegistryLayout.field(model, REJECTION), reason);
    set(model, STATUS, Word.of(ModelStatus.REJECTED.code()));
  }

  /** Counts one paid call of {@code model} that paid {@code wei} to {@code author}. */
  void addCall(Address model, Address author, Word wei) {
    set(model, CALLS, Word.of(get(model, CALLS).longValue() + 1));
    set(model, EARNED, get(model, EARNED).add(wei));
    Word slot = RegistryLayout.authorEarned(author);
    state.setStorage(R, slot, state.storage(R, slot).add(wei));
  }

  Word authorEarned(Address author) {
    return state.storage(R, RegistryLayout.authorEarned(author));
  }

  private Word get(Address model, Field f) {
    return state.storage(R, RegistryLayout.field(model, f));
  }

  private void set(Address model, Field f, Word v) {
    state.setStorage(R, RegistryLayout.field(model, f), v);
  }

  private String readString(Word slot) {
    int length = (int) state.storage(R, slot).longValue();
    byte[] out = new byte[length];
    Word data = RegistryLayout.stringData(slot);
    for (int i = 0; i * 32 < length; i++) {
      byte[] w = state.storage(R, data.add(Word.of(i))).toBytes();
      System.arraycopy(w, 0, out, i * 32, Math.min(32, length - i * 32));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private void writeString(Word slot, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    state.setStorage(R, slot, Word.of(b.length));
    Word data = RegistryLayout.stringData(slot);
    for (int i = 0; i * 32 < b.length; i++) {
      state.setStorage(R, data.add(Word.of(i)), Word.fromBytes(Arrays.copyOfRange(b, i * 32, i * 32 + 32)));
    }
  }
}
