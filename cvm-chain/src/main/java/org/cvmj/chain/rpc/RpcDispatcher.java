package org.cvmj.chain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * JSON-RPC 2.0 over a {@link RpcMethods} table, independent of the transport: a request body in, a response body
 * out (or none). Every failure becomes an error response; nothing is thrown to the caller.
 *
 * <ul>
 *   <li>Body that is not one JSON value: -32700 {@code parse error}, id null.
 *   <li>A request that is not an object, lacks {@code "jsonrpc":"2.0"} or a string {@code method}, has an id
 *       that is not a string, number or null, or {@code params} that is not an array: -32600
 *       {@code invalid request}, id null unless the id itself was valid.
 *   <li>Unknown method: -32601 {@code the method X does not exist/is not available}.
 *   <li>Bad, missing or too many params: -32602 naming the argument.
 *   <li>{@link RpcException} from a handler or the backend: its code, message and data.
 *   <li>Any other exception: -32603 {@code internal error: <what>}.
 * </ul>
 *
 * A batch (array) gets an array of the responses of its non-notification members, in order; an empty batch is
 * a single -32600 {@code empty batch} error, a batch over {@link #MAX_BATCH} members a single -32600
 * {@code batch too large}. A notification (no {@code id} member) is executed but gets no response; a body of
 * only notifications gets no response at all ({@link #handle} returns empty, and the HTTP server then answers
 * 200 with an empty body, as geth does).
 */
public final class RpcDispatcher {
  /** geth's default batch request limit. */
  public static final int MAX_BATCH = 1000;

  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final RpcMethods methods;

  public RpcDispatcher(RpcMethods methods) {
    this.methods = methods;
  }

  /** The response body for a request body, or empty when there is nothing to answer (notifications only). */
  public Optional<byte[]> handle(byte[] body) {
    return handle(body, CallContext.NONE);
  }

  /**
   * As {@link #handle(byte[])} for a body that arrived in {@code context}; the transport calls
   * {@link CallContext#replied()} once it has queued the response (or found there was none).
   */
  public Optional<byte[]> handle(byte[] body, CallContext context) {
    JsonNode response = respond(body, context);
    if (response == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.writeValueAsBytes(response));
    } catch (JsonProcessingException e) {
      return Optional.of(errorBytes(RpcException.INTERNAL_ERROR, "internal error: cannot encode the response"));
    }
  }

  /** A complete error response body with id null, for failures before dispatch (size limit, bad media type). */
  public static byte[] errorBytes(int code, String message) {
    try {
      return JSON.writeValueAsBytes(error(F.nullNode(), new RpcException(code, message)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of strings and numbers always encodes
    }
  }

  private JsonNode respond(byte[] body, CallContext context) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return error(F.nullNode(), new RpcException(RpcException.PARSE_ERROR, "parse error"));
    }
    if (request == null || request.isMissingNode()) {
      return error(F.nullNode(), new RpcException(RpcException.PARSE_ERROR, "parse error"));
    }
    if (!request.isArray()) {
      return call(request, context);
    }
    if (request.isEmpty()) {
      return error(F.nullNode(), RpcException.invalidRequest("empty batch"));
    }
    if (request.size() > MAX_BATCH) {
      return error(F.nullNode(), RpcException.invalidRequest("batch too large (at most " + MAX_BATCH
          + " requests)"));
    }
    ArrayNode responses = F.arrayNode();
    for (JsonNode member : request) {
      JsonNode r = call(member, context);
      if (r != null) {
        responses.add(r);
      }
    }
    return responses.isEmpty() ? null : responses;
  }

  /** The response to one request object, or null for a notification. */
  private JsonNode call(JsonNode request, CallContext context) {
    if (!request.isObject()) {
      return error(F.nullNode(), RpcException.invalidRequest("invalid request"));
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(F.nullNode(), RpcException.invalidRequest("invalid request: id must be a string, number or null"));
    }
    JsonNode replyId = notification ? F.nullNode() : id;
    JsonNode version = request.get("jsonrpc");
    JsonNode method = request.get("method");
    if (version == null || !"2.0".equals(version.textValue())) {
      return notification ? null
          : error(replyId, RpcException.invalidRequest("invalid request: jsonrpc must be \"2.0\""));
    }
    if (method == null || !method.isTextual()) {
      return notification ? null
          : error(replyId, RpcException.invalidRequest("invalid request: method must be a string"));
    }
    JsonNode params = request.get("params");
    JsonNode result;
    try {
      if (params != null && !params.isNull() && !params.isArray()) {
        throw RpcException.invalidParams("non-array args: params must be an array");
      }
      RpcMethod m = methods.lookup(method.textValue())
          .orElseThrow(() -> RpcException.methodNotFound(method.textValue()));
      RpcMethod.Args args = m.decode(params == null || params.isNull() ? F.arrayNode() : params, context);
      result = m.handler().call(args);
      if (result == null) {
        result = F.nullNode();
      }
    } catch (RpcException e) {
      return notification ? null : error(replyId, e);
    } catch (RuntimeException | StackOverflowError e) {
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return notification ? null
          : error(replyId, new RpcException(RpcException.INTERNAL_ERROR, "internal error: " + what));
    }
    if (notification) {
      return null;
    }
    ObjectNode ok = F.objectNode();
    ok.put("jsonrpc", "2.0");
    ok.set("id", replyId);
    ok.set("result", result);
    return ok;
  }

  private static ObjectNode error(JsonNode id, RpcException e) {
    ObjectNode o = F.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id);
    ObjectNode err = o.putObject("error");
    err.put("code", e.code());
    err.put("message", e.getMessage());
    if (e.data() != null) {
      err.set("data", e.data());
    }
    return o;
  }
}
