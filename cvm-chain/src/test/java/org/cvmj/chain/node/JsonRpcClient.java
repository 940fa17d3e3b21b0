package org.cvmj.chain.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain JSON-RPC 2.0 over HTTP with the JDK's client, as any external client talks to the node. */
final class JsonRpcClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A JSON-RPC error answer. */
  static final class RpcError extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;
    /** The error's {@code data} member, or null when it has none. */
    final transient JsonNode data;

    RpcError(int code, String message, JsonNode data) {
      super(message);
      this.code = code;
      this.data = data;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI uri;
  private int nextId = 1;

  JsonRpcClient(String url) {
    this.uri = URI.create(url);
  }

  /** Calls {@code method} with {@code params} (each a JSON value: a string becomes a JSON string). */
  JsonNode call(String method, Object... params) throws IOException, InterruptedException, RpcError {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId++).put("method", method);
    ArrayNode p = request.putArray("params");
    for (Object o : params) {
      p.add(o instanceof JsonNode n ? n : JSON.valueToTree(o));
    }
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer = JSON.readTree(response.body());
    if (answer.has("error")) {
      JsonNode error = answer.get("error");
      throw new RpcError(error.get("code").asInt(), error.get("message").asText(), error.get("data"));
    }
    return answer.get("result");
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
