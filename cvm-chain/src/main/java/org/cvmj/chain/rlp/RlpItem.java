package org.cvmj.chain.rlp;

import java.util.Arrays;
import java.util.List;

/** A decoded RLP value: a byte string or a list of items. {@code offset} is where its header starts. */
public sealed interface RlpItem permits RlpItem.Bytes, RlpItem.Items {

  /** Byte offset of this item's header in the input it was decoded from (0 for items built in memory). */
  int offset();

  /** A byte string. */
  record Bytes(byte[] value, int offset) implements RlpItem {
    public Bytes {
      value = value.clone();
    }

    public Bytes(byte[] value) {
      this(value, 0);
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes[" + value.length + " bytes]";
    }
  }

  /** A list. Equality ignores offsets. */
  record Items(List<RlpItem> items, int offset) implements RlpItem {
    public Items {
      items = List.copyOf(items);
    }

    public Items(List<RlpItem> items) {
      this(items, 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Items l && items.equals(l.items);
    }

    @Override
    public int hashCode() {
      return items.hashCode();
    }
  }

  /** The canonical encoding of this item. */
  default byte[] encode() {
    RlpWriter w = new RlpWriter();
    w.writeItem(this);
    return w.toByteArray();
  }

  /** Decodes exactly one item spanning all of {@code input}. */
  static RlpItem decode(byte[] input) throws RlpException {
    RlpReader r = new RlpReader(input);
    RlpItem item = r.readItem();
    r.requireEnd();
    return item;
  }
}
