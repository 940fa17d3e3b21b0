package org.cvmj.chain.trie;

import java.util.Arrays;
import java.util.function.BiConsumer;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.rlp.RlpException;

/**
 * A Merkle Patricia Trie over byte-string keys, bound to a {@link NodeStore}. Updates are made in memory on
 * immutable nodes; {@link #rootHash()} is Ethereum's root of the current contents, and {@link #commit()} also
 * writes every new node of 32 bytes or more (and the root) to the store, after which a
 * {@code new Trie(store, root)} reopens the same contents. Not thread-safe; {@link #snapshot()} is cheap.
 */
public final class Trie {
  /** The root of the empty trie, keccak(rlp("")) = 56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421. */
  public static final Hash EMPTY_ROOT = Keccak256.hash(new byte[] {(byte) 0x80});

  private final NodeStore store;
  private Node root;

  /** An empty trie. */
  public Trie(NodeStore store) {
    this.store = store;
  }

  /** The trie with this root, whose nodes are in {@code store} (loaded as they are reached). */
  public Trie(NodeStore store, Hash root) {
    this.store = store;
    this.root = root.equals(EMPTY_ROOT) ? null : new Node.HashRef(root);
  }

  private Trie(NodeStore store, Node root) {
    this.store = store;
    this.root = root;
  }

  /** An independent trie with the same contents and store; later changes to either do not affect the other. */
  public Trie snapshot() {
    return new Trie(store, root);
  }

  /** The value under {@code key}, or null. */
  public byte[] get(byte[] key) {
    byte[] path = HexPrefix.toNibbles(key);
    Node n = root;
    int pos = 0;
    while (true) {
      n = resolve(n);
      if (n == null) {
        return null;
      } else if (n instanceof Node.Leaf l) {
        return Arrays.equals(l.path, 0, l.path.length, path, pos, path.length) ? l.value.clone() : null;
      } else if (n instanceof Node.Extension e) {
        if (!startsWith(path, pos, e.path)) {
          return null;
        }
        pos += e.path.length;
        n = e.child;
      } else {
        Node.Branch b = (Node.Branch) n;
        if (pos == path.length) {
          return b.value == null ? null : b.value.clone();
        }
        n = b.children[path[pos++]];
      }
    }
  }

  /** Sets {@code key} to {@code value}; an empty value deletes the key, as in Ethereum. */
  public void put(byte[] key, byte[] value) {
    if (value.length == 0) {
      delete(key);
      return;
    }
    root = insert(root, HexPrefix.toNibbles(key), 0, value.clone());
  }

  /** Removes {@code key}; removing an absent key changes nothing. */
  public void delete(byte[] key) {
    root = remove(root, HexPrefix.toNibbles(key), 0);
  }

  /** Whether the trie holds no keys. */
  public boolean isEmpty() {
    return root == null;
  }

  /** Ethereum's root hash of the current contents. */
  public Hash rootHash() {
    return root == null ? EMPTY_ROOT : root.hash();
  }

  /** Writes every node not yet stored to the store and returns the root hash. */
  public Hash commit() {
    if (root == null) {
      return EMPTY_ROOT;
    }
    if (!(root instanceof Node.HashRef)) {
      store(root);
      store.put(root.hash(), root.encoded()); // the root is stored even when it is small
    }
    return root.hash();
  }

  /** Calls {@code visitor} with every (key, value) pair in key order. */
  public void forEach(BiConsumer<byte[], byte[]> visitor) {
    walk(root, new byte[0], visitor);
  }

  /** The encodings of the nodes on the path to {@code key}, root first: a proof of its value or absence. */
  public java.util.List<byte[]> prove(byte[] key) {
    java.util.List<byte[]> proof = new java.util.ArrayList<>();
    byte[] path = HexPrefix.toNibbles(key);
    Node n = root;
    int pos = 0;
    boolean top = true;
    while (n != null) {
      n = resolve(n);
      if (top || !n.isInline()) {
        proof.add(n.encoded().clone());
      }
      top = false;
      if (n instanceof Node.Leaf) {
        break;
      } else if (n instanceof Node.Extension e) {
        if (!startsWith(path, pos, e.path)) {
          break;
        }
        pos += e.path.length;
        n = e.child;
      } else {
        Node.Branch b = (Node.Branch) n;
        if (pos == path.length) {
          break;
        }
        n = b.children[path[pos++]];
      }
    }
    return proof;
  }

  private void store(Node n) {
    if (n == null || n.stored) {
      return;
    }
    if (n instanceof Node.Extension e) {
      store(e.child);
    } else if (n instanceof Node.Branch b) {
      for (Node c : b.children) {
        store(c);
      }
    }
    if (!n.isInline()) {
      store.put(n.hash(), n.encoded());
    }
    n.stored = true;
  }

  private void walk(Node n, byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
    n = resolve(n);
    if (n == null) {
      return;
    }
    if (n instanceof Node.Leaf l) {
      emit(concat(prefix, l.path), l.value, visitor);
    } else if (n instanceof Node.Extension e) {
      walk(e.child, concat(prefix, e.path), visitor);
    } else {
      Node.Branch b = (Node.Branch) n;
      if (b.value != null) {
        emit(prefix, b.value, visitor);
      }
      for (int i = 0; i < 16; i++) {
        if (b.children[i] != null) {
          walk(b.children[i], concat(prefix, new byte[] {(byte) i}), visitor);
        }
      }
    }
  }

  private static void emit(byte[] nibbles, byte[] value, BiConsumer<byte[], byte[]> visitor) {
    if (nibbles.length % 2 != 0) {
      throw new IllegalStateException("a value sits at an odd nibble depth; the trie is corrupt");
    }
    byte[] key = new byte[nibbles.length / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    visitor.accept(key, value.clone());
  }

  private Node insert(Node n, byte[] path, int pos, byte[] value) {
    n = resolve(n);
    if (n == null) {
      return new Node.Leaf(Arrays.copyOfRange(path, pos, path.length), value);
    }
    if (n instanceof Node.Leaf l) {
      int k = commonPrefix(l.path, path, pos);
      if (k == l.path.length && pos + k == path.length) {
        return Arrays.equals(l.value, value) ? l : new Node.Leaf(l.path, value);
      }
      Node[] children = new Node[16];
      byte[] valueHere = null;
      if (k == l.path.length) {
        valueHere = l.value;
      } else {
        children[l.path[k]] = new Node.Leaf(Arrays.copyOfRange(l.path, k + 1, l.path.length), l.value);
      }
      return wrap(l.path, k, addToBranch(new Node.Branch(children, valueHere), path, pos + k, value));
    }
    if (n instanceof Node.Extension e) {
      int k = commonPrefix(e.path, path, pos);
      if (k == e.path.length) {
        Node child = insert(e.child, path, pos + k, value);
        return child == e.child ? e : new Node.Extension(e.path, child);
      }
      Node rest = e.path.length - k == 1 ? e.child
          : new Node.Extension(Arrays.copyOfRange(e.path, k + 1, e.path.length), e.child);
      Node[] children = new Node[16];
      children[e.path[k]] = rest;
      return wrap(e.path, k, addToBranch(new Node.Branch(children, null), path, pos + k, value));
    }
    Node.Branch b = (Node.Branch) n;
    if (pos == path.length) {
      return Arrays.equals(b.value, value) ? b : new Node.Branch(b.children, value);
    }
    Node old = b.children[path[pos]];
    Node child = insert(old, path, pos + 1, value);
    if (child == old) {
      return b;
    }
    Node[] children = b.children.clone();
    children[path[pos]] = child;
    return new Node.Branch(children, b.value);
  }

  /** Adds the new key's remainder (path[pos..]) to a fresh branch that does not yet hold it. */
  private static Node.Branch addToBranch(Node.Branch b, byte[] path, int pos, byte[] value) {
    if (pos == path.length) {
      return new Node.Branch(b.children, value);
    }
    b.children[path[pos]] = new Node.Leaf(Arrays.copyOfRange(path, pos + 1, path.length), value);
    return b;
  }

  private static Node wrap(byte[] path, int k, Node branch) {
    return k == 0 ? branch : new Node.Extension(Arrays.copyOfRange(path, 0, k), branch);
  }

  private Node remove(Node n, byte[] path, int pos) {
    n = resolve(n);
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Leaf l) {
      return Arrays.equals(l.path, 0, l.path.length, path, pos, path.length) ? null : n;
    }
    if (n instanceof Node.Extension e) {
      if (!startsWith(path, pos, e.path)) {
        return n;
      }
      Node child = remove(e.child, path, pos + e.path.length);
      if (child == e.child) {
        return n;
      }
      return prepend(e.path, child);
    }
    Node.Branch b = (Node.Branch) n;
    Node[] children = b.children;
    byte[] value = b.value;
    if (pos == path.length) {
      if (value == null) {
        return n;
      }
      value = null;
    } else {
      Node old = children[path[pos]];
      Node child = remove(old, path, pos + 1);
      if (child == old) {
        return n;
      }
      children = children.clone();
      children[path[pos]] = child;
    }
    int only = -1;
    int count = 0;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        only = i;
        count++;
      }
    }
    if (count == 0 && value == null) {
      return null;
    }
    if (count == 0) {
      return new Node.Leaf(new byte[0], value);
    }
    if (count == 1 && value == null) {
      return prepend(new byte[] {(byte) only}, children[only]);
    }
    return new Node.Branch(children, value);
  }

  /** The node reached by {@code prefix} then {@code child}, with paths merged so no extension follows another. */
  private Node prepend(byte[] prefix, Node child) {
    child = resolve(child);
    if (child == null) {
      return null;
    }
    if (child instanceof Node.Leaf l) {
      return new Node.Leaf(concat(prefix, l.path), l.value);
    }
    if (child instanceof Node.Extension e) {
      return new Node.Extension(concat(prefix, e.path), e.child);
    }
    return new Node.Extension(prefix, child);
  }

  private Node resolve(Node n) {
    if (!(n instanceof Node.HashRef ref)) {
      return n;
    }
    byte[] enc = store.get(ref.target);
    if (enc == null) {
      throw new MissingNodeException(ref.target, "is not in the node store");
    }
    try {
      return Node.decode(enc);
    } catch (RlpException e) {
      throw new MissingNodeException(ref.target, "is stored but cannot be decoded (" + e.getMessage() + ")");
    }
  }

  private static int commonPrefix(byte[] a, byte[] path, int pos) {
    int n = Math.min(a.length, path.length - pos);
    int i = 0;
    while (i < n && a[i] == path[pos + i]) {
      i++;
    }
    return i;
  }

  private static boolean startsWith(byte[] path, int pos, byte[] prefix) {
    return path.length - pos >= prefix.length
        && Arrays.equals(path, pos, pos + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
