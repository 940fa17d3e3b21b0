package org.cvmj.chain.statetest;

import java.math.BigInteger;
import org.cvmj.chain.evm.Word;

/**
 * The number and byte notations of the fixtures: {@code 0x}-prefixed hex, possibly empty ({@code 0x} is zero),
 * and the filler's {@code 0x:bigint 0x...} marker for values that deliberately overflow.
 */
final class FixtureValues {
  private FixtureValues() {}

  static BigInteger number(String text) {
    String s = text.startsWith("0x:bigint ") ? text.substring("0x:bigint ".length()) : text;
    s = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s, 16);
  }

  /** A number that must fit 256 bits (fixture fields other than the transaction's). */
  static Word word(String text) {
    BigInteger v = number(text);
    if (v.bitLength() > 256) {
      throw new IllegalArgumentException("value " + text + " does not fit 256 bits");
    }
    return Word.fromBigInteger(v);
  }

  /** A number that must fit 64 unsigned bits. */
  static long u64(String text) {
    BigInteger v = number(text);
    if (v.bitLength() > 64) {
      throw new IllegalArgumentException("value " + text + " does not fit 64 bits");
    }
    return v.longValue();
  }

  static byte[] bytes(String text) {
    return org.cvmj.chain.crypto.Hex.decode(text);
  }
}
