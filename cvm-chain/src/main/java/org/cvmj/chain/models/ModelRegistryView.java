package org.cvmj.chain.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.evm.WorldState;

/**
 * Read-only access to the registry in a world state (a block's state), for RPC methods, tools and tests: models,
 * upload progress and earnings, without going through the EVM.
 */
public final class ModelRegistryView {
  private final RegistryStorage storage;

  public ModelRegistryView(WorldState state) {
    this.storage = new RegistryStorage(state);
  }

  public long modelCount() {
    return storage.modelCount();
  }

  /** All models' addresses, in registration order. */
  public List<Address> models() {
    List<Address> out = new ArrayList<>();
    for (long i = 1; i <= modelCount(); i++) {
      out.add(SystemAddresses.model(i));
    }
    return out;
  }

  /**
   * The records of models {@code offset + 1} to {@code offset + limit} in registration order: fewer at the end,
   * none when {@code offset} is at or past {@link #modelCount()}.
   */
  public List<ModelRecord> models(long offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit are not negative: " + offset + ", " + limit);
    }
    List<ModelRecord> out = new ArrayList<>();
    long count = modelCount();
    if (offset >= count) {
      return out;
    }
    long last = Math.min(count, offset + limit); // offset < count, so no overflow
    for (long i = offset + 1; i <= last; i++) {
      out.add(storage.read(SystemAddresses.model(i)).orElseThrow());
    }
    return out;
  }

  /**
   * The records of every model {@code author} registered, in registration order. It visits every model (one
   * storage read each for models of other authors): the registry keeps no per-author index.
   */
  public List<ModelRecord> modelsBy(Address author) {
    List<ModelRecord> out = new ArrayList<>();
    long count = modelCount();
    for (long i = 1; i <= count; i++) {
      Address model = SystemAddresses.model(i);
      if (storage.author(model).equals(author)) {
        out.add(storage.read(model).orElseThrow());
      }
    }
    return out;
  }

  public Optional<ModelRecord> model(Address model) {
    return storage.read(model);
  }

  /** keccak256 of chunk {@code index} of {@code file}, if received. */
  public Optional<Hash> chunk(Address model, ModelFile file, int index) {
    return Optional.ofNullable(storage.chunk(model, file, index));
  }

  /** The indexes of {@code file}'s chunks not yet received (empty for an unknown model). */
  public List<Integer> missingChunks(Address model, ModelFile file) {
    List<Integer> out = new ArrayList<>();
    Optional<ModelRecord> m = model(model);
    if (m.isEmpty()) {
      return out;
    }
    int n = ModelLimits.chunks(m.get().size(file));
    for (int i = 0; i < n; i++) {
      if (!storage.bitmap(model, file, i / 256).testBit(i % 256)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Wei earned by {@code author} from all their models. */
  public Word authorEarned(Address author) {
    return storage.authorEarned(author);
  }
}
