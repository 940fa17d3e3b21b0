package org.cvmj.chain.trie;

/**
 * Nibble paths and their hex-prefix (compact) encoding: the first nibble holds a leaf flag (2) and an odd-length
 * flag (1); an odd path packs its first nibble beside the flags, an even one pads with a zero nibble.
 */
final class HexPrefix {
  private HexPrefix() {}

  /** The nibbles of a key, high nibble first. */
  static byte[] toNibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0xf);
      out[2 * i + 1] = (byte) (key[i] & 0xf);
    }
    return out;
  }

  static byte[] encode(byte[] nibbles, boolean leaf) {
    boolean odd = nibbles.length % 2 == 1;
    byte[] out = new byte[nibbles.length / 2 + 1];
    int flags = (leaf ? 2 : 0) + (odd ? 1 : 0);
    out[0] = (byte) (flags << 4);
    int n = 0;
    if (odd) {
      out[0] |= nibbles[0];
      n = 1;
    }
    for (int i = 1; i < out.length; i++, n += 2) {
      out[i] = (byte) ((nibbles[n] << 4) | nibbles[n + 1]);
    }
    return out;
  }

  /** Whether compact-encoded {@code hp} marks a leaf. */
  static boolean isLeaf(byte[] hp) {
    return hp.length > 0 && ((hp[0] >> 5) & 1) == 1;
  }

  /** Decodes compact form; returns null when the flag nibble is invalid. */
  static byte[] decode(byte[] hp) {
    if (hp.length == 0) {
      return null;
    }
    int flags = (hp[0] >> 4) & 0xf;
    if (flags > 3 || ((flags & 1) == 0 && (hp[0] & 0xf) != 0)) {
      return null;
    }
    boolean odd = (flags & 1) == 1;
    byte[] out = new byte[(hp.length - 1) * 2 + (odd ? 1 : 0)];
    int n = 0;
    if (odd) {
      out[n++] = (byte) (hp[0] & 0xf);
    }
    for (int i = 1; i < hp.length; i++) {
      out[n++] = (byte) ((hp[i] >> 4) & 0xf);
      out[n++] = (byte) (hp[i] & 0xf);
    }
    return out;
  }
}
