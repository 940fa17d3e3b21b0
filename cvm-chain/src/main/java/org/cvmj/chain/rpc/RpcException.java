package org.cvmj.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cvmj.chain.crypto.Hex;

/**
 * A failure that becomes a JSON-RPC error object {@code {code, message, data?}}. The codes follow JSON-RPC 2.0
 * and geth: -32700 parse error, -32600 invalid request, -32601 method not found, -32602 invalid params, -32603
 * internal error, -32000 a server-side failure of a valid request (geth's generic code: "header not found",
 * "nonce too low", "filter not found"), and 3 for {@code execution reverted} with the revert data in
 * {@code data}. A {@link NodeBackend} throws these for failures a client should see.
 */
public final class RpcException extends RuntimeException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  public static final int SERVER_ERROR = -32000;
  public static final int EXECUTION_REVERTED = 3;

  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};

  private final int code;
  private final JsonNode data;

  public RpcException(int code, String message, JsonNode data) {
    super(message);
    this.code = code;
    this.data = data;
  }

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public int code() {
    return code;
  }

  /** The {@code data} member, or null when the error has none. */
  public JsonNode data() {
    return data;
  }

  public static RpcException invalidParams(String message) {
    return new RpcException(INVALID_PARAMS, message);
  }

  public static RpcException invalidRequest(String message) {
    return new RpcException(INVALID_REQUEST, message);
  }

  public static RpcException serverError(String message) {
    return new RpcException(SERVER_ERROR, message);
  }

  /** geth's answer when a state read names a block the node does not have. */
  public static RpcException headerNotFound() {
    return serverError("header not found");
  }

  public static RpcException methodNotFound(String method) {
    return new RpcException(METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  /** geth's answer to {@code eth_subscribe}/{@code eth_unsubscribe} over a transport without notifications. */
  public static RpcException notificationsNotSupported() {
    return new RpcException(METHOD_NOT_FOUND, "notifications not supported");
  }

  /**
   * geth's revert error: code 3, message {@code execution reverted} (plus {@code : reason} when the return data
   * is a Solidity {@code Error(string)}), and the raw return data as hex in {@code data}.
   */
  public static RpcException reverted(byte[] returnData) {
    String reason = errorStringReason(returnData);
    String message = reason == null ? "execution reverted" : "execution reverted: " + reason;
    return new RpcException(EXECUTION_REVERTED, message, TextNode.valueOf(Hex.encode(returnData)));
  }

  /** The reason string of ABI-encoded {@code Error(string)} return data, or null when it is not one. */
  static String errorStringReason(byte[] d) {
    if (d.length < 4 + 64 || !Arrays.equals(Arrays.copyOf(d, 4), ERROR_SELECTOR)) {
      return null;
    }
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(d, 4, 36));
    if (offset.bitLength() > 31 || 4L + offset.longValue() + 32 > d.length) {
      return null;
    }
    int lenAt = 4 + offset.intValue();
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(d, lenAt, lenAt + 32));
    if (length.bitLength() > 31 || (long) lenAt + 32 + length.longValue() > d.length) {
      return null;
    }
    return new String(d, lenAt + 32, length.intValue(), StandardCharsets.UTF_8);
  }
}
