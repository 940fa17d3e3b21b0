package org.cvmj.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One JSON-RPC method: its name, its positional parameters (each with a name, a {@link ParamType} and whether it
 * is required) and the handler that gets them decoded. Required parameters come first. Missing trailing optional
 * parameters, and optional ones given as {@code null}, are absent ({@link Args#has} is false).
 */
public record RpcMethod(String name, List<Param> params, Handler handler) {

  /** A positional parameter. */
  public record Param(String name, ParamType type, boolean required) {}

  /** The method body: decoded arguments in, the JSON result out. */
  @FunctionalInterface
  public interface Handler {
    JsonNode call(Args args);
  }

  public RpcMethod {
    params = List.copyOf(params);
    boolean optionalSeen = false;
    for (Param p : params) {
      if (p.required() && optionalSeen) {
        throw new IllegalArgumentException(name + ": required parameter " + p.name() + " after an optional one");
      }
      optionalSeen |= !p.required();
    }
  }

  public static RpcMethod of(String name, Handler handler, Param... params) {
    return new RpcMethod(name, List.of(params), handler);
  }

  public static Param required(String name, ParamType type) {
    return new Param(name, type, true);
  }

  public static Param optional(String name, ParamType type) {
    return new Param(name, type, false);
  }

  /**
   * Decodes the {@code params} array against the declared parameters.
   *
   * @throws RpcException -32602 naming the argument's position and name when one is missing, malformed, or
   *     there are too many
   */
  public Args decode(JsonNode array) {
    return decode(array, CallContext.NONE);
  }

  /** As {@link #decode(JsonNode)}, for a request that arrived in {@code context}. */
  public Args decode(JsonNode array, CallContext context) {
    if (array.size() > params.size()) {
      throw RpcException.invalidParams("too many arguments, want at most " + params.size());
    }
    Object[] values = new Object[params.size()];
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      JsonNode v = array.get(i);
      if (v == null || v.isNull()) {
        if (p.required()) {
          throw RpcException.invalidParams("missing value for required argument " + i + " (" + p.name() + ")");
        }
        continue;
      }
      try {
        values[i] = p.type().decode(v);
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams("invalid argument " + i + " (" + p.name() + "): " + e.getMessage());
      }
    }
    return new Args(values, context);
  }

  /** Decoded arguments by position; absent optional ones are null. */
  public static final class Args {
    private final Object[] values;
    private final CallContext context;

    Args(Object[] values, CallContext context) {
      this.values = values;
      this.context = context;
    }

    /** Where the request came from ({@link CallContext#NONE} over HTTP). */
    public CallContext context() {
      return context;
    }

    public boolean has(int i) {
      return i < values.length && values[i] != null;
    }

    public <T> T get(int i, Class<T> type) {
      return type.cast(values[i]);
    }

    public <T> T getOr(int i, Class<T> type, T fallback) {
      return has(i) ? type.cast(values[i]) : fallback;
    }
  }
}
