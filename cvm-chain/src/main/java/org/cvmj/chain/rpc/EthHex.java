package org.cvmj.chain.rpc;

import java.math.BigInteger;
import org.cvmj.chain.crypto.Hex;

/**
 * Ethereum JSON-RPC hex encodings. A QUANTITY is {@code 0x} + lower-case hex with no leading zeros ({@code 0x0}
 * for zero); DATA is {@code 0x} + two hex digits per byte. Decoding is as strict as geth's {@code hexutil}: the
 * prefix is required, a QUANTITY has no leading zeros and at most 256 bits, DATA has an even number of digits.
 * Decoders throw {@link IllegalArgumentException} with geth's wording; the dispatcher names the parameter.
 */
public final class EthHex {
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private EthHex() {}

  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a QUANTITY is not negative: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("a QUANTITY is not negative: " + value);
    }
    return "0x" + value.toString(16);
  }

  public static String data(byte[] bytes) {
    return Hex.encode(bytes);
  }

  /** A QUANTITY of at most 256 bits. */
  public static BigInteger parseQuantity(String text) {
    String digits = stripPrefix(text);
    if (digits.isEmpty()) {
      throw new IllegalArgumentException("hex string \"0x\" has no digits; zero is \"0x0\"");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new IllegalArgumentException("invalid hex string: " + text);
      }
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new IllegalArgumentException("hex number with leading zero digits: " + text);
    }
    if (digits.length() > 64) {
      throw new IllegalArgumentException("hex number > 256 bits");
    }
    return new BigInteger(digits, 16);
  }

  /** A QUANTITY that fits a non-negative {@code long} (gas, nonce, block number, timestamp). */
  public static long parseLongQuantity(String text) {
    BigInteger v = parseQuantity(text);
    if (v.compareTo(MAX_LONG) > 0) {
      throw new IllegalArgumentException("hex number > 63 bits: " + text);
    }
    return v.longValue();
  }

  /** DATA: {@code 0x} and an even number of hex digits (possibly none). */
  public static byte[] parseData(String text) {
    String digits = stripPrefix(text);
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("hex string of odd length");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new IllegalArgumentException("invalid hex string");
      }
    }
    return Hex.decode(digits);
  }

  /** DATA of exactly {@code length} bytes (addresses, hashes). */
  public static byte[] parseFixedData(String text, int length, String what) {
    byte[] b = parseData(text);
    if (b.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes (" + 2 * length
          + " hex digits), got " + b.length);
    }
    return b;
  }

  private static String stripPrefix(String text) {
    if (!(text.startsWith("0x") || text.startsWith("0X"))) {
      throw new IllegalArgumentException("hex string without 0x prefix");
    }
    return text.substring(2);
  }
}
