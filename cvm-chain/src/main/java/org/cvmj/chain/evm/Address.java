package org.cvmj.chain.evm;

import java.util.Arrays;

/** A 20-byte account address, held as the low 160 bits of a word so that it compares and hashes by value. */
public record Address(Word word) {
  private static final Word MASK = Word.ONE.shl(160).sub(Word.ONE);

  public Address {
    if (!word.and(MASK).equals(word)) {
      throw new IllegalArgumentException("an address has 160 bits; use Address.fromWord to truncate " + word);
    }
  }

  /** The low 160 bits of a stack word, as CALL, BALANCE and friends read their address operand. */
  public static Address fromWord(Word w) {
    return new Address(w.and(MASK));
  }

  public static Address fromBytes(byte[] twenty) {
    if (twenty.length != 20) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + twenty.length);
    }
    return new Address(Word.fromBytes(twenty));
  }

  public static Address fromHex(String hex) {
    String h = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (h.length() != 40) {
      throw new IllegalArgumentException("an address is 40 hex digits, got '" + hex + "'");
    }
    return new Address(Word.fromHex(h));
  }

  public static Address ofLong(long v) {
    return new Address(Word.of(v));
  }

  public byte[] toBytes() {
    return Arrays.copyOfRange(word.toBytes(), 12, 32);
  }

  public String toHex() {
    return "0x" + word.toHex().substring(26);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
