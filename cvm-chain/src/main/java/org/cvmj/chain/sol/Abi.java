package org.cvmj.chain.sol;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;

/**
 * The Solidity contract ABI encoding, for the elementary types only: {@code uint<N>}, {@code int<N>},
 * {@code address}, {@code bool}, {@code bytes<N>} (static) and {@code bytes}, {@code string} (dynamic). Arrays and
 * tuples are not supported and are rejected by name.
 *
 * <p>Java values: unsigned and signed integers are {@link BigInteger} (encode also takes {@code Long} and
 * {@code Integer}), {@code address} is {@link Address}, {@code bool} is {@link Boolean}, {@code bytes<N>} and
 * {@code bytes} are {@code byte[]}, {@code string} is {@link String} (UTF-8). Decoding returns the same classes
 * (integers always as {@code BigInteger}) and is strict: non-canonical padding, out-of-range values and
 * offsets or lengths past the data are errors.
 */
public final class Abi {
  /** The selector of {@code Error(string)}, what {@code require(cond, "reason")} reverts with. */
  public static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  /** The selector of {@code Panic(uint256)}, what failed asserts and checked arithmetic revert with. */
  public static final byte[] PANIC_SELECTOR = {0x4e, 0x48, 0x7b, 0x71};

  private static final int WORD = 32;

  private Abi() {}

  /** The 4-byte function (or error) selector: the first four bytes of keccak256 of the canonical signature. */
  public static byte[] selector(String signature) {
    parameterTypes(signature); // rejects malformed signatures
    return Arrays.copyOf(Keccak256.digest(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  /** The first topic of a non-anonymous event: keccak256 of its canonical signature. */
  public static Hash eventTopic(String signature) {
    parameterTypes(signature);
    return Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
  }

  /** The parameter types of a canonical signature such as {@code transfer(address,uint256)}. */
  public static List<String> parameterTypes(String signature) {
    int open = signature.indexOf('(');
    if (open <= 0 || !signature.endsWith(")") || signature.indexOf(')') != signature.length() - 1
        || signature.contains(" ")) {
      throw new IllegalArgumentException("not a canonical signature (name(type,type,...) without spaces): "
          + signature);
    }
    String inner = signature.substring(open + 1, signature.length() - 1);
    List<String> types = inner.isEmpty() ? List.of() : List.of(inner.split(",", -1));
    types.forEach(Abi::checkType);
    return types;
  }

  /** {@code selector(signature)} followed by the encoded arguments. */
  public static byte[] encodeCall(String signature, Object... args) {
    byte[] sel = selector(signature);
    byte[] body = encode(parameterTypes(signature), args);
    byte[] out = Arrays.copyOf(sel, 4 + body.length);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  /** The head/tail encoding of {@code values} as a tuple of {@code types}. */
  public static byte[] encode(List<String> types, Object... values) {
    if (types.size() != values.length) {
      throw new IllegalArgumentException(types.size() + " types " + types + " but " + values.length + " values");
    }
    int headSize = WORD * types.size();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      checkType(type);
      if (isDynamic(type)) {
        head.writeBytes(signed(BigInteger.valueOf(headSize + tail.size())));
        byte[] content = dynamicContent(type, values[i], i);
        tail.writeBytes(signed(BigInteger.valueOf(content.length)));
        tail.writeBytes(Arrays.copyOf(content, roundUp(content.length)));
      } else {
        head.writeBytes(encodeStatic(type, values[i], i));
      }
    }
    head.writeBytes(tail.toByteArray());
    return head.toByteArray();
  }

  /** Decodes {@code data} as a tuple of {@code types}; trailing bytes after the encoded values are allowed. */
  public static List<Object> decode(List<String> types, byte[] data) {
    List<Object> out = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      checkType(type);
      byte[] word = word(data, WORD * i, type, i);
      if (isDynamic(type)) {
        int offset = smallInt(word, "offset of value " + i + " (" + type + ")", data.length);
        byte[] lengthWord = word(data, offset, type + " length", i);
        int length = smallInt(lengthWord, "length of value " + i + " (" + type + ")", data.length);
        if ((long) offset + WORD + length > data.length) {
          throw new IllegalArgumentException("value " + i + " (" + type + "): " + length + " bytes at offset "
              + (offset + WORD) + " run past the end of the " + data.length + "-byte data");
        }
        byte[] content = Arrays.copyOfRange(data, offset + WORD, offset + WORD + length);
        out.add(type.equals("string") ? utf8(content, i) : content);
      } else {
        out.add(decodeStatic(type, word, i));
      }
    }
    return out;
  }

  /**
   * The reason of an {@code Error(string)} revert ({@code require(cond, "reason")}, {@code revert("reason")}), or
   * empty when {@code revertData} is anything else.
   */
  public static Optional<String> revertReason(byte[] revertData) {
    if (revertData.length < 4 || !Arrays.equals(revertData, 0, 4, ERROR_SELECTOR, 0, 4)) {
      return Optional.empty();
    }
    return Optional.of((String) decode(List.of("string"), Arrays.copyOfRange(revertData, 4, revertData.length))
        .get(0));
  }

  /** The code of a {@code Panic(uint256)} revert (0x01 assert, 0x11 overflow, 0x12 division by zero, ...). */
  public static Optional<BigInteger> panicCode(byte[] revertData) {
    if (revertData.length < 4 || !Arrays.equals(revertData, 0, 4, PANIC_SELECTOR, 0, 4)) {
      return Optional.empty();
    }
    return Optional.of((BigInteger) decode(List.of("uint256"), Arrays.copyOfRange(revertData, 4,
        revertData.length)).get(0));
  }

  private static boolean isDynamic(String type) {
    return type.equals("bytes") || type.equals("string");
  }

  private static void checkType(String type) {
    if (type.equals("address") || type.equals("bool") || type.equals("bytes") || type.equals("string")) return;
    if (type.startsWith("uint") && validBits(type.substring(4))) return;
    if (type.startsWith("int") && validBits(type.substring(3))) return;
    if (type.startsWith("bytes")) {
      int n = parseOrZero(type.substring(5));
      if (n >= 1 && n <= 32) return;
    }
    throw new IllegalArgumentException("ABI type '" + type + "' is not supported (elementary types only: "
        + "uint<N>, int<N>, address, bool, bytes<N>, bytes, string; no arrays or tuples)");
  }

  private static boolean validBits(String digits) {
    int n = parseOrZero(digits);
    return n >= 8 && n <= 256 && n % 8 == 0 && String.valueOf(n).equals(digits);
  }

  private static int parseOrZero(String digits) {
    if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) return 0;
    return Integer.parseInt(digits);
  }

  private static int bits(String type) {
    return Integer.parseInt(type.substring(type.startsWith("uint") ? 4 : 3));
  }

  private static byte[] encodeStatic(String type, Object value, int index) {
    if (type.equals("address")) {
      byte[] out = new byte[WORD];
      System.arraycopy(as(Address.class, value, type, index).bytes(), 0, out, 12, Address.LENGTH);
      return out;
    }
    if (type.equals("bool")) {
      return signed(as(Boolean.class, value, type, index) ? BigInteger.ONE : BigInteger.ZERO);
    }
    if (type.startsWith("uint") || type.startsWith("int")) {
      BigInteger v = integer(value, type, index);
      checkRange(type, v, "value " + index);
      return signed(v);
    }
    byte[] b = as(byte[].class, value, type, index); // bytes<N>
    int n = Integer.parseInt(type.substring(5));
    if (b.length != n) {
      throw new IllegalArgumentException("value " + index + " (" + type + ") must be " + n + " bytes, got "
          + b.length);
    }
    return Arrays.copyOf(b, WORD);
  }

  private static Object decodeStatic(String type, byte[] word, int index) {
    String where = "value " + index + " (" + type + ")";
    if (type.equals("address")) {
      requireZero(word, 0, 12, where);
      return new Address(Arrays.copyOfRange(word, 12, WORD));
    }
    if (type.equals("bool")) {
      BigInteger v = new BigInteger(1, word);
      if (v.compareTo(BigInteger.ONE) > 0) {
        throw new IllegalArgumentException(where + " is neither 0 nor 1: " + v);
      }
      return v.signum() == 1;
    }
    if (type.startsWith("uint")) {
      BigInteger v = new BigInteger(1, word);
      checkRange(type, v, where);
      return v;
    }
    if (type.startsWith("int")) {
      BigInteger v = new BigInteger(word);
      checkRange(type, v, where);
      return v;
    }
    int n = Integer.parseInt(type.substring(5));
    requireZero(word, n, WORD, where);
    return Arrays.copyOf(word, n);
  }

  private static void checkRange(String type, BigInteger v, String where) {
    int bits = bits(type);
    boolean ok = type.startsWith("uint")
        ? v.signum() >= 0 && v.bitLength() <= bits
        : v.bitLength() <= bits - 1;
    if (!ok) {
      throw new IllegalArgumentException(where + ": " + v + " is out of range for " + type);
    }
  }

  private static byte[] dynamicContent(String type, Object value, int index) {
    return type.equals("string")
        ? as(String.class, value, type, index).getBytes(StandardCharsets.UTF_8)
        : as(byte[].class, value, type, index).clone();
  }

  private static BigInteger integer(Object value, String type, int index) {
    if (value instanceof BigInteger b) return b;
    if (value instanceof Long l) return BigInteger.valueOf(l);
    if (value instanceof Integer i) return BigInteger.valueOf(i);
    throw wrongClass(value, type, index, "BigInteger, Long or Integer");
  }

  private static <T> T as(Class<T> cls, Object value, String type, int index) {
    if (cls.isInstance(value)) return cls.cast(value);
    throw wrongClass(value, type, index, cls.getSimpleName());
  }

  private static IllegalArgumentException wrongClass(Object value, String type, int index, String expected) {
    return new IllegalArgumentException("value " + index + " (" + type + ") must be a " + expected + ", got "
        + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  /** Two's complement, sign-extended to 32 bytes. */
  private static byte[] signed(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[WORD];
    if (v.signum() < 0) Arrays.fill(out, (byte) 0xff);
    int len = Math.min(raw.length, WORD); // a 256-bit unsigned value has a leading 0x00 sign byte
    System.arraycopy(raw, raw.length - len, out, WORD - len, len);
    return out;
  }

  private static byte[] word(byte[] data, int offset, String what, int index) {
    if (offset < 0 || (long) offset + WORD > data.length) {
      throw new IllegalArgumentException("value " + index + " (" + what + "): the word at offset " + offset
          + " runs past the end of the " + data.length + "-byte data");
    }
    return Arrays.copyOfRange(data, offset, offset + WORD);
  }

  private static int smallInt(byte[] word, String what, int limit) {
    BigInteger v = new BigInteger(1, word);
    if (v.compareTo(BigInteger.valueOf(limit)) > 0) {
      throw new IllegalArgumentException(what + " is " + v + ", beyond the " + limit + "-byte data");
    }
    return v.intValueExact();
  }

  private static void requireZero(byte[] word, int from, int to, String where) {
    for (int i = from; i < to; i++) {
      if (word[i] != 0) {
        throw new IllegalArgumentException(where + " has non-zero padding at byte " + i);
      }
    }
  }

  private static String utf8(byte[] content, int index) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("value " + index + " (string) is not valid UTF-8", e);
    }
  }

  private static int roundUp(int n) {
    return (n + WORD - 1) / WORD * WORD;
  }
}
