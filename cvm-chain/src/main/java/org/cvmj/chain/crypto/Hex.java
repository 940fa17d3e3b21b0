package org.cvmj.chain.crypto;

/** Hexadecimal text of byte strings, as Ethereum JSON writes them: lower case, optional {@code 0x} prefix. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Lower-case hex with a {@code 0x} prefix. */
  public static String encode(byte[] bytes) {
    return "0x" + encodeBare(bytes);
  }

  /** Lower-case hex without a prefix. */
  public static String encodeBare(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Parses hex with or without a {@code 0x} prefix, either case.
   *
   * @throws IllegalArgumentException naming the offending character when the text is not an even number of
   *     hex digits
   */
  public static byte[] decode(String text) {
    String s = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("hex text has an odd number of digits (" + s.length()
          + "); write each byte as two digits: " + abbreviate(text));
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((digit(s, 2 * i, text) << 4) | digit(s, 2 * i + 1, text));
    }
    return out;
  }

  private static int digit(String s, int i, String text) {
    int d = Character.digit(s.charAt(i), 16);
    if (d < 0) {
      throw new IllegalArgumentException("'" + s.charAt(i) + "' at position " + i
          + " is not a hex digit in " + abbreviate(text));
    }
    return d;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? "\"" + s + "\"" : "\"" + s.substring(0, 77) + "...\"";
  }
}
