package org.cvmj.chain.models;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Word;

/**
 * The arguments of an ABI-encoded call (after its selector), decoded strictly: an argument past the data, an
 * integer wider than its type, a dirty address, an offset or length out of range or invalid UTF-8 is a
 * {@link BadCallData} naming the argument.
 */
final class CallData {
  private final byte[] data;
  private final List<String> names;

  /** @param names the arguments' names, for messages */
  CallData(byte[] input, List<String> names) {
    this.data = Arrays.copyOfRange(input, Math.min(4, input.length), input.length);
    this.names = names;
  }

  /**
   * The 4-byte selector of a function signature. Computed here rather than by {@code Abi.selector}, which checks
   * that every parameter type is elementary, while the registry takes a {@code uint32[]}.
   */
  static byte[] selector(String signature) {
    return Arrays.copyOf(org.cvmj.chain.crypto.Keccak256.digest(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  /** A malformed argument; the message says which and why. */
  static final class BadCallData extends Exception {
    BadCallData(String message) {
      super(message);
    }
  }

  Word word(int i) throws BadCallData {
    return wordAt(32L * i, names.get(i));
  }

  /** A {@code uint<bits>}; a uint64 above 2^63 - 1 is refused too (no limit of the registry comes near it). */
  long uint(int i, int bits) throws BadCallData {
    Word w = word(i);
    if (w.bitLength() > Math.min(bits, 63)) {
      throw new BadCallData(names.get(i) + " does not fit uint" + bits
          + (bits == 64 && w.bitLength() <= 64 ? " below 2^63" : ""));
    }
    return w.longValue();
  }

  Address address(int i) throws BadCallData {
    Word w = word(i);
    if (w.bitLength() > 160) {
      throw new BadCallData(names.get(i) + " is not a clean 20-byte address");
    }
    return w.toAddress();
  }

  Hash bytes32(int i) throws BadCallData {
    return new Hash(word(i).toBytes());
  }

  byte[] bytes(int i) throws BadCallData {
    long offset = offset(i);
    long length = length(offset, names.get(i));
    if (offset + 32 + length > data.length) {
      throw new BadCallData(names.get(i) + ": " + length + " bytes run past the end of the call data");
    }
    return Arrays.copyOfRange(data, (int) offset + 32, (int) (offset + 32 + length));
  }

  String string(int i) throws BadCallData {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(i))).toString();
    } catch (CharacterCodingException e) {
      throw new BadCallData(names.get(i) + " is not valid UTF-8");
    }
  }

  /** A {@code uint<bits>[]} of at most {@code maxLength} elements. */
  List<Long> uintArray(int i, int bits, int maxLength) throws BadCallData {
    long offset = offset(i);
    long length = length(offset, names.get(i));
    if (length > maxLength) {
      throw new BadCallData(names.get(i) + " has " + length + " elements; at most " + maxLength + " are allowed");
    }
    List<Long> out = new ArrayList<>();
    for (int k = 0; k < length; k++) {
      Word w = wordAt(offset + 32 + 32L * k, names.get(i) + "[" + k + "]");
      if (w.bitLength() > bits) {
        throw new BadCallData(names.get(i) + "[" + k + "] does not fit uint" + bits);
      }
      out.add(w.longValue());
    }
    return out;
  }

  private long offset(int i) throws BadCallData {
    Word w = word(i);
    if (w.bitLength() > 31 || w.longValue() % 32 != 0) {
      throw new BadCallData("the offset of " + names.get(i) + " is not a word offset inside the call data");
    }
    return w.longValue();
  }

  private long length(long offset, String name) throws BadCallData {
    Word w = wordAt(offset, "the length of " + name);
    if (w.bitLength() > 31) {
      throw new BadCallData("the length of " + name + " is out of range");
    }
    return w.longValue();
  }

  private Word wordAt(long offset, String what) throws BadCallData {
    if (offset + 32 > data.length) {
      throw new BadCallData(what + " is missing (the call data has " + data.length + " bytes after the selector)");
    }
    return Word.fromBytes(data, (int) offset, 32);
  }
}
