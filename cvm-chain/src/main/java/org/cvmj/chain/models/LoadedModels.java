package org.cvmj.chain.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;

/**
 * The node's caches of loaded models and of results, shared by block building and calls. Keys are content hashes
 * (symbol and params keccak256, plus the input's), never model addresses, so a model address reused after a
 * chain rewind cannot hit a stale entry; a hit returns exactly what a miss computes, so the caches are invisible
 * to consensus. Both are small LRU maps bounded by entry count.
 */
final class LoadedModels {
  private static final int MAX_MODELS = 16;
  private static final int MAX_RESULTS = 1024;

  private final Map<Hash, LoadedModel> models = lru(MAX_MODELS);
  private final Map<Hash, byte[]> results = lru(MAX_RESULTS);

  /** The model with these file hashes, loaded by {@code loader} on a miss. */
  synchronized LoadedModel model(ModelRecord m, Supplier<LoadedModel> loader) {
    Hash key = key(m, new byte[0]);
    LoadedModel hit = models.get(key);
    if (hit != null) {
      return hit;
    }
    LoadedModel loaded = loader.get();
    models.put(key, loaded);
    return loaded;
  }

  /** A cached output of {@code m} on {@code input}, or null. */
  synchronized byte[] result(ModelRecord m, byte[] input) {
    byte[] out = results.get(key(m, input));
    return out == null ? null : out.clone();
  }

  synchronized void putResult(ModelRecord m, byte[] input, byte[] output) {
    results.put(key(m, input), output.clone());
  }

  private static Hash key(ModelRecord m, byte[] input) {
    byte[] pre = new byte[96];
    System.arraycopy(m.symbolHash().bytes(), 0, pre, 0, 32);
    System.arraycopy(m.paramsHash().bytes(), 0, pre, 32, 32);
    System.arraycopy(Keccak256.digest(input), 0, pre, 64, 32);
    return Keccak256.hash(pre);
  }

  private static <V> Map<Hash, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, V> eldest) {
        return size() > max;
      }
    };
  }
}
