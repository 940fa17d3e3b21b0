package org.cvmj.chain.rpc;

import org.cvmj.chain.crypto.Hash;

/**
 * Which block a request means: a tag ({@code latest}, {@code pending}, {@code earliest}, {@code safe},
 * {@code finalized}), a number, or (EIP-1898) a hash, optionally required to be canonical.
 */
public sealed interface BlockSelector {
  BlockSelector LATEST = new Tagged(Tag.LATEST);

  /** The named blocks; the JSON spelling is the lower-case name. */
  enum Tag {
    LATEST, PENDING, EARLIEST, SAFE, FINALIZED;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  record Tagged(Tag tag) implements BlockSelector {}

  record Number(long number) implements BlockSelector {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("a block number is not negative: " + number);
      }
    }
  }

  record ByHash(Hash hash, boolean requireCanonical) implements BlockSelector {}
}
