package org.cvmj.chain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A JSON-RPC 2.0 client over HTTP (the JDK's client, one connection kept alive) that talks only to this machine:
 * a URL whose host is not a loopback address is refused, so a benchmark can never load another host.
 */
final class LoopbackRpc {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A hang guard per request, far above any answer time of a working node. */
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(REQUEST_LIMIT).build();
  private final URI uri;
  private long nextId = 1;

  LoopbackRpc(String url) throws BenchException {
    Optional<String> problem = LoopbackUrl.problem(url);
    if (problem.isPresent()) {
      throw new BenchException(problem.get());
    }
    this.uri = URI.create(url);
  }

  /** Calls {@code method}; a JSON-RPC error or an HTTP failure becomes a {@link BenchException} naming both. */
  JsonNode call(String method, Object... params) throws BenchException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId++).put("method", method);
    ArrayNode p = request.putArray("params");
    for (Object o : params) {
      p.add(o instanceof JsonNode n ? n : JSON.valueToTree(o));
    }
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_LIMIT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new BenchException(method + " to " + uri + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(method + ": interrupted");
    }
    if (response.statusCode() != 200) {
      throw new BenchException(method + ": HTTP " + response.statusCode() + " from " + uri);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new BenchException(method + ": the answer is not JSON: " + e.getMessage());
    }
    if (answer.hasNonNull("error")) {
      throw new BenchException(method + " failed: " + answer.get("error").path("message").asText()
          + " (code " + answer.get("error").path("code").asText() + ")");
    }
    return answer.get("result");
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static BigInteger quantity(JsonNode n) throws BenchException {
    String s = n == null ? "" : n.asText();
    if (!s.startsWith("0x") || s.length() < 3) {
      throw new BenchException("expected a hex quantity, got " + n);
    }
    return new BigInteger(s.substring(2), 16);
  }

  String url() {
    return uri.toString();
  }
}
