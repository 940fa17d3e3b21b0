package org.cvmj.chain.trie;

import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;
import org.cvmj.chain.rlp.RlpWriter;

/**
 * A trie node. Nodes are immutable: an update builds new nodes along the changed path and shares the rest, so a
 * trie can be snapshotted by keeping its root. Each node caches its RLP encoding and hash once computed.
 */
abstract sealed class Node permits Node.Leaf, Node.Extension, Node.Branch, Node.HashRef {
  private byte[] encoded;
  private Hash hash;
  /** Set once this node has been written to the trie's store. */
  boolean stored;

  /** This node's RLP encoding. */
  final byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      RlpWriter w = new RlpWriter();
      encodeTo(w);
      e = w.toByteArray();
      encoded = e;
    }
    return e;
  }

  /** Keccak-256 of {@link #encoded()}. */
  Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak256.hash(encoded());
      hash = h;
    }
    return h;
  }

  /** Whether a parent embeds this node (RLP under 32 bytes) instead of referencing its hash. */
  boolean isInline() {
    return encoded().length < 32;
  }

  abstract void encodeTo(RlpWriter w);

  /** Writes the reference a parent holds to {@code child}: nothing (empty string), the node itself, or its hash. */
  static void writeRef(RlpWriter w, Node child) {
    if (child == null) {
      w.writeBytes(new byte[0]);
    } else if (child instanceof HashRef r) {
      w.writeBytes(r.target.bytes());
    } else if (child.isInline()) {
      w.writeRaw(child.encoded());
    } else {
      w.writeBytes(child.hash().bytes());
    }
  }

  /** A key suffix (nibbles) and the value stored at the end of it. */
  static final class Leaf extends Node {
    final byte[] path;
    final byte[] value;

    Leaf(byte[] path, byte[] value) {
      this.path = path;
      this.value = value;
    }

    @Override
    void encodeTo(RlpWriter w) {
      w.startList().writeBytes(HexPrefix.encode(path, true)).writeBytes(value).endList();
    }
  }

  /** A shared run of nibbles leading to a branch. */
  static final class Extension extends Node {
    final byte[] path;
    final Node child;

    Extension(byte[] path, Node child) {
      this.path = path;
      this.child = child;
    }

    @Override
    void encodeTo(RlpWriter w) {
      w.startList().writeBytes(HexPrefix.encode(path, false));
      writeRef(w, child);
      w.endList();
    }
  }

  /** Sixteen children, one per next nibble, and the value of a key that ends here (or null). */
  static final class Branch extends Node {
    final Node[] children;
    final byte[] value;

    Branch(Node[] children, byte[] value) {
      this.children = children;
      this.value = value;
    }

    @Override
    void encodeTo(RlpWriter w) {
      w.startList();
      for (Node c : children) {
        writeRef(w, c);
      }
      w.writeBytes(value == null ? new byte[0] : value).endList();
    }
  }

  /** A child known only by hash, loaded from the store when a walk reaches it. */
  static final class HashRef extends Node {
    final Hash target;

    HashRef(Hash target) {
      this.target = target;
      this.stored = true;
    }

    @Override
    Hash hash() {
      return target;
    }

    @Override
    boolean isInline() {
      return false;
    }

    @Override
    void encodeTo(RlpWriter w) {
      throw new IllegalStateException("a hash reference has no encoding of its own");
    }
  }

  /** Decodes a node's RLP encoding; children referenced by hash become {@link HashRef}s. */
  static Node decode(byte[] encoded) throws RlpException {
    RlpReader top = new RlpReader(encoded);
    RlpReader items = top.readList();
    top.requireEnd();
    Node n = decodeItems(items);
    n.stored = true;
    return n;
  }

  private static Node decodeItems(RlpReader r) throws RlpException {
    int at = r.position();
    java.util.List<byte[]> raw = new java.util.ArrayList<>(17);
    java.util.List<Integer> offsets = new java.util.ArrayList<>(17);
    while (r.hasNext()) {
      offsets.add(r.position());
      raw.add(r.readRaw());
    }
    if (raw.size() == 2) {
      RlpReader first = new RlpReader(raw.get(0));
      byte[] hp = first.readBytes();
      RlpReader second = new RlpReader(raw.get(1));
      return shortNode(hp, second, offsets.get(0));
    }
    if (raw.size() != 17) {
      throw new RlpException(at, "a trie node is a list of 2 or 17 items, found " + raw.size());
    }
    Node[] children = new Node[16];
    for (int i = 0; i < 16; i++) {
      children[i] = decodeRef(new RlpReader(raw.get(i)));
    }
    byte[] value = new RlpReader(raw.get(16)).readBytes();
    return new Branch(children, value.length == 0 ? null : value);
  }

  private static Node shortNode(byte[] hp, RlpReader r, int at) throws RlpException {
    byte[] path = HexPrefix.decode(hp);
    if (path == null) {
      throw new RlpException(at, "invalid hex-prefix flags in a leaf or extension node");
    }
    if (HexPrefix.isLeaf(hp)) {
      byte[] v = r.readBytes();
      r.requireEnd();
      return new Leaf(path, v);
    }
    Node child = decodeRef(r);
    r.requireEnd();
    if (child == null || path.length == 0) {
      throw new RlpException(at, "an extension node needs a non-empty path and a child");
    }
    return new Extension(path, child);
  }

  private static Node decodeRef(RlpReader r) throws RlpException {
    int at = r.position();
    if (r.nextIsList()) {
      byte[] raw = r.readRaw();
      if (raw.length >= 32) {
        throw new RlpException(at, "an embedded trie node must be under 32 bytes, found " + raw.length);
      }
      return decode(raw);
    }
    return refFromBytes(r.readBytes(), at);
  }

  private static Node refFromBytes(byte[] b, int at) throws RlpException {
    if (b.length == 0) {
      return null;
    }
    if (b.length != 32) {
      throw new RlpException(at, "a child reference is empty, an embedded node or a 32-byte hash; found "
          + b.length + " bytes");
    }
    return new HashRef(new Hash(b));
  }
}
