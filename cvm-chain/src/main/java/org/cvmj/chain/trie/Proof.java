package org.cvmj.chain.trie;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.rlp.RlpException;

/**
 * Checks {@code eth_getProof}-style Merkle proofs made by {@link Trie#prove}: the RLP encodings of the nodes
 * on the path from the root to a key (embedded nodes are inside their parents).
 */
public final class Proof {
  private Proof() {}

  /**
   * The value that {@code proof} shows under {@code key} in the trie with root {@code root}, or null when it
   * proves the key absent.
   *
   * @throws InvalidProofException when a node the path needs is not in the proof or cannot be decoded
   */
  public static byte[] verify(Hash root, byte[] key, List<byte[]> proof) throws InvalidProofException {
    if (root.equals(Trie.EMPTY_ROOT)) {
      return null;
    }
    Map<Hash, byte[]> byHash = new HashMap<>();
    for (byte[] node : proof) {
      byHash.put(Keccak256.hash(node), node);
    }
    byte[] path = HexPrefix.toNibbles(key);
    int pos = 0;
    Node n = new Node.HashRef(root);
    while (true) {
      if (n == null) {
        return null;
      }
      if (n instanceof Node.HashRef ref) {
        byte[] enc = byHash.get(ref.target);
        if (enc == null) {
          throw new InvalidProofException("the proof lacks trie node " + ref.target.toHex()
              + " on the path to key 0x" + org.cvmj.chain.crypto.Hex.encodeBare(key));
        }
        try {
          n = Node.decode(enc);
        } catch (RlpException e) {
          throw new InvalidProofException("proof node " + ref.target.toHex() + " is not a trie node: "
              + e.getMessage());
        }
      }
      if (n instanceof Node.Leaf l) {
        boolean match = java.util.Arrays.equals(l.path, 0, l.path.length, path, pos, path.length);
        return match ? l.value.clone() : null;
      } else if (n instanceof Node.Extension e) {
        if (path.length - pos < e.path.length
            || !java.util.Arrays.equals(path, pos, pos + e.path.length, e.path, 0, e.path.length)) {
          return null;
        }
        pos += e.path.length;
        n = e.child;
      } else if (n instanceof Node.Branch b) {
        if (pos == path.length) {
          return b.value == null ? null : b.value.clone();
        }
        n = b.children[path[pos++]];
      }
    }
  }
}
