package org.cvmj.cvm.mips.guest;

import java.util.Map;
import java.util.TreeMap;

/**
 * Offsets in one arena for tensors with known lifetimes: first fit, in the order the tensors are
 * allocated, over blocks kept sorted by offset, so the same graph always gives the same layout. A tensor
 * is allocated when its operator runs and freed after its last reader, so its slot can serve later
 * tensors; an operator's outputs are allocated before its inputs are freed and never overlap them.
 */
final class ArenaPlanner {
  /** Live blocks: offset to size, in words. */
  private final TreeMap<Integer, Integer> live = new TreeMap<>();
  private long highWater;

  /** Places a block of {@code words} at the lowest offset where it fits; returns the offset. */
  int allocate(int words) {
    long at = 0;
    for (Map.Entry<Integer, Integer> b : live.entrySet()) {
      if (b.getKey() - at >= words) {
        break;
      }
      at = Math.max(at, (long) b.getKey() + b.getValue());
    }
    if (at + words > Integer.MAX_VALUE / 4) {
      throw new IllegalStateException("arena of " + (at + words) + " words is too large");
    }
    live.put((int) at, words);
    highWater = Math.max(highWater, at + words);
    return (int) at;
  }

  void free(int offset) {
    if (live.remove(offset) == null) {
      throw new IllegalStateException("no block at arena offset " + offset);
    }
  }

  /** The largest end offset ever used, in words. */
  int highWater() {
    return (int) highWater;
  }
}
