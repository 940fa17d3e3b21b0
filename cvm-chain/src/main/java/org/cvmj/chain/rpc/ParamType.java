package org.cvmj.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.AccessListEntry;
import org.cvmj.chain.tx.CallRequest;

/**
 * The JSON encodings an RPC parameter can have, each with its one decoder. A decoder gets a present, non-null
 * JSON value and returns the Java value, or throws {@link IllegalArgumentException} saying what is wrong; the
 * dispatcher turns that into -32602 naming the argument's position and name. Unknown fields of objects are
 * ignored, as geth ignores them.
 */
public enum ParamType {
  /** QUANTITY up to 256 bits, as {@link BigInteger}. */
  QUANTITY(n -> EthHex.parseQuantity(text(n))),
  /** QUANTITY that fits a non-negative long, as {@link Long}. */
  LONG_QUANTITY(n -> EthHex.parseLongQuantity(text(n))),
  /** A non-negative long written as a QUANTITY, a decimal string or a JSON integer (geth's HexOrDecimal64). */
  LONG_HEX_OR_DECIMAL(ParamType::hexOrDecimal),
  /** DATA, as {@code byte[]}. */
  DATA(n -> EthHex.parseData(text(n))),
  /** A 20-byte address, as {@link Address}; the EIP-55 checksum is not checked, as in geth. */
  ADDRESS(ParamType::address),
  /** A 32-byte hash, as {@link Hash}. */
  HASH(ParamType::hash),
  /** A storage slot: {@code 0x} and up to 64 hex digits (short forms like {@code 0x0} allowed), as {@link Hash}. */
  STORAGE_SLOT(ParamType::storageSlot),
  /** A block tag or number, or an EIP-1898 {@code {blockHash, requireCanonical}} / {@code {blockNumber}} object. */
  BLOCK(ParamType::blockOrHash),
  /** A block tag or number only. */
  BLOCK_NUMBER(ParamType::blockNumber),
  /** A transaction call object, as {@link CallRequest}. */
  CALL(ParamType::callRequest),
  /** A log filter object, as {@link LogFilter}. */
  FILTER(ParamType::logFilter),
  /**
   * The criteria of a {@code logs} subscription: a filter object with only {@code address} and {@code topics},
   * as {@link LogFilter}.
   */
  SUBSCRIPTION_FILTER(ParamType::subscriptionFilter),
  /** A JSON string, as {@link String}. */
  STRING(ParamType::string),
  /** A JSON boolean, as {@link Boolean}. */
  BOOLEAN(ParamType::bool),
  /** A filter id (a QUANTITY string), as its canonical {@link String}. */
  FILTER_ID(n -> EthHex.quantity(EthHex.parseQuantity(text(n)))),
  /** An array of increasing reward percentiles in [0, 100], as {@code double[]}. */
  PERCENTILES(ParamType::percentiles);

  private final Function<JsonNode, Object> decoder;

  ParamType(Function<JsonNode, Object> decoder) {
    this.decoder = decoder;
  }

  /** Decodes a present, non-null value; throws {@link IllegalArgumentException} when it is malformed. */
  public Object decode(JsonNode value) {
    return decoder.apply(value);
  }

  private static String text(JsonNode n) {
    if (!n.isTextual()) {
      throw new IllegalArgumentException("expected a JSON string, got " + kind(n));
    }
    return n.textValue();
  }

  private static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static Object hexOrDecimal(JsonNode n) {
    if (n.isIntegralNumber()) {
      if (!n.canConvertToLong() || n.longValue() < 0) {
        throw new IllegalArgumentException("expected a non-negative 63-bit integer, got " + n);
      }
      return n.longValue();
    }
    String s = text(n);
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return EthHex.parseLongQuantity(s);
    }
    try {
      long v = Long.parseLong(s);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a hex QUANTITY or a non-negative decimal integer, got \"" + s
          + "\"");
    }
  }

  private static Address address(JsonNode n) {
    return new Address(EthHex.parseFixedData(text(n), Address.LENGTH, "an address"));
  }

  private static Hash hash(JsonNode n) {
    return new Hash(EthHex.parseFixedData(text(n), Hash.LENGTH, "a hash"));
  }

  private static Hash storageSlot(JsonNode n) {
    String s = text(n);
    if (!(s.startsWith("0x") || s.startsWith("0X"))) {
      throw new IllegalArgumentException("hex string without 0x prefix");
    }
    String digits = s.substring(2);
    if (digits.isEmpty() || digits.length() > 64) {
      throw new IllegalArgumentException("a storage slot is 1 to 64 hex digits, got " + digits.length());
    }
    byte[] b = EthHex.parseData("0x" + "0".repeat(64 - digits.length()) + digits);
    return new Hash(b);
  }

  private static BlockSelector blockNumber(JsonNode n) {
    String s = text(n);
    for (BlockSelector.Tag tag : BlockSelector.Tag.values()) {
      if (tag.jsonName().equals(s)) {
        return new BlockSelector.Tagged(tag);
      }
    }
    if (!(s.startsWith("0x") || s.startsWith("0X"))) {
      throw new IllegalArgumentException("expected a block number (QUANTITY) or one of latest, pending, earliest, "
          + "safe, finalized; got \"" + s + "\"");
    }
    return new BlockSelector.Number(EthHex.parseLongQuantity(s));
  }

  private static BlockSelector blockOrHash(JsonNode n) {
    if (!n.isObject()) {
      return blockNumber(n);
    }
    JsonNode hash = n.get("blockHash");
    JsonNode number = n.get("blockNumber");
    if (present(hash) && present(number)) {
      throw new IllegalArgumentException("give blockHash or blockNumber, not both");
    }
    if (present(hash)) {
      JsonNode canonical = n.get("requireCanonical");
      boolean require = present(canonical) && (Boolean) bool(canonical);
      return new BlockSelector.ByHash(hash(hash), require);
    }
    if (present(number)) {
      return blockNumber(number);
    }
    throw new IllegalArgumentException("a block object needs blockHash or blockNumber");
  }

  private static CallRequest callRequest(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("expected a transaction call object, got " + kind(n));
    }
    byte[] data = field(n, "data", DATA, byte[].class);
    byte[] input = field(n, "input", DATA, byte[].class);
    if (data != null && input != null && !java.util.Arrays.equals(data, input)) {
      throw new IllegalArgumentException("both \"data\" and \"input\" are set and not equal; "
          + "please use \"input\" to pass transaction call data");
    }
    BigInteger gasPrice = field(n, "gasPrice", QUANTITY, BigInteger.class);
    BigInteger maxFee = field(n, "maxFeePerGas", QUANTITY, BigInteger.class);
    BigInteger maxPriority = field(n, "maxPriorityFeePerGas", QUANTITY, BigInteger.class);
    if (gasPrice != null && (maxFee != null || maxPriority != null)) {
      throw new IllegalArgumentException("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    return new CallRequest(
        field(n, "from", ADDRESS, Address.class),
        field(n, "to", ADDRESS, Address.class),
        field(n, "gas", LONG_QUANTITY, Long.class),
        gasPrice,
        maxFee,
        maxPriority,
        field(n, "value", QUANTITY, BigInteger.class),
        input != null ? input : data,
        field(n, "nonce", LONG_QUANTITY, Long.class),
        present(n.get("accessList")) ? accessList(n.get("accessList")) : null,
        field(n, "chainId", QUANTITY, BigInteger.class));
  }

  private static List<AccessListEntry> accessList(JsonNode n) {
    if (!n.isArray()) {
      throw new IllegalArgumentException("field accessList: expected an array, got " + kind(n));
    }
    List<AccessListEntry> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      String where = "field accessList[" + i + "]";
      if (!e.isObject() || !present(e.get("address"))) {
        throw new IllegalArgumentException(where + ": expected an object with address and storageKeys");
      }
      List<Hash> keys = new ArrayList<>();
      JsonNode ks = e.get("storageKeys");
      if (present(ks)) {
        if (!ks.isArray()) {
          throw new IllegalArgumentException(where + ".storageKeys: expected an array, got " + kind(ks));
        }
        for (int k = 0; k < ks.size(); k++) {
          JsonNode key = ks.get(k);
          keys.add(nested(where + ".storageKeys[" + k + "]", () -> hash(key)));
        }
      }
      out.add(new AccessListEntry(nested(where + ".address", () -> address(e.get("address"))), keys));
    }
    return out;
  }

  private static LogFilter logFilter(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("expected a filter object, got " + kind(n));
    }
    BlockSelector from = field(n, "fromBlock", BLOCK_NUMBER, BlockSelector.class);
    BlockSelector to = field(n, "toBlock", BLOCK_NUMBER, BlockSelector.class);
    Hash blockHash = field(n, "blockHash", HASH, Hash.class);
    if (blockHash != null && (from != null || to != null)) {
      throw new IllegalArgumentException(
          "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    }
    List<Address> addresses = new ArrayList<>();
    JsonNode a = n.get("address");
    if (present(a)) {
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          JsonNode e = a.get(i);
          addresses.add(nested("field address[" + i + "]", () -> address(e)));
        }
      } else {
        addresses.add(nested("field address", () -> address(a)));
      }
    }
    List<List<Hash>> topics = new ArrayList<>();
    JsonNode t = n.get("topics");
    if (present(t)) {
      if (!t.isArray()) {
        throw new IllegalArgumentException("field topics: expected an array, got " + kind(t));
      }
      if (t.size() > 4) {
        throw new IllegalArgumentException("field topics: exceed max topics (at most 4 positions)");
      }
      for (int i = 0; i < t.size(); i++) {
        JsonNode position = t.get(i);
        String where = "field topics[" + i + "]";
        List<Hash> alternatives = new ArrayList<>();
        if (position.isArray()) {
          for (int k = 0; k < position.size(); k++) {
            JsonNode e = position.get(k);
            if (present(e)) {
              alternatives.add(nested(where + "[" + k + "]", () -> hash(e)));
            } else {
              alternatives.clear();
              break; // a null alternative matches anything
            }
          }
        } else if (present(position)) {
          alternatives.add(nested(where, () -> hash(position)));
        }
        topics.add(alternatives);
      }
    }
    return new LogFilter(from, to, blockHash, addresses, topics);
  }

  private static LogFilter subscriptionFilter(JsonNode n) {
    if (n.isObject()) {
      for (String field : List.of("fromBlock", "toBlock", "blockHash")) {
        if (present(n.get(field))) {
          throw new IllegalArgumentException("field " + field + " is not supported: a logs subscription reports"
              + " logs of new blocks only (use eth_getLogs for past ones)");
        }
      }
    }
    return logFilter(n);
  }

  private static String string(JsonNode n) {
    if (!n.isTextual()) {
      throw new IllegalArgumentException("expected a JSON string, got " + kind(n));
    }
    return n.textValue();
  }

  private static Object bool(JsonNode n) {
    if (!n.isBoolean()) {
      throw new IllegalArgumentException("expected a JSON boolean, got " + kind(n));
    }
    return n.booleanValue();
  }

  private static double[] percentiles(JsonNode n) {
    if (!n.isArray()) {
      throw new IllegalArgumentException("expected an array of percentiles, got " + kind(n));
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = n.get(i);
      if (!e.isNumber()) {
        throw new IllegalArgumentException("percentile " + i + ": expected a number, got " + kind(e));
      }
      out[i] = e.doubleValue();
      if (out[i] < 0 || out[i] > 100 || (i > 0 && out[i] < out[i - 1])) {
        throw new IllegalArgumentException("invalid reward percentile: #" + i + ":" + e
            + " (percentiles are increasing, within [0, 100])");
      }
    }
    return out;
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull();
  }

  private static <T> T field(JsonNode object, String name, ParamType type, Class<T> cls) {
    JsonNode v = object.get(name);
    if (!present(v)) {
      return null;
    }
    return nested("field " + name, () -> cls.cast(type.decode(v)));
  }

  private static <T> T nested(String where, java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("field ")) {
        throw e;
      }
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
