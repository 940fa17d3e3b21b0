package org.cvmj.chain.trie;

import org.cvmj.chain.crypto.Hash;

/**
 * A trie node that the {@link NodeStore} should hold is absent or undecodable: the database is incomplete or
 * corrupt. This is not a problem with any user input, so it is unchecked; the node should be resynchronised or
 * its database restored.
 */
public final class MissingNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Hash hash;

  public MissingNodeException(Hash hash, String problem) {
    super("trie node " + hash.toHex() + " " + problem
        + "; the node database is incomplete or corrupt (restore it or resynchronise the state)");
    this.hash = hash;
  }

  public Hash hash() {
    return hash;
  }
}
