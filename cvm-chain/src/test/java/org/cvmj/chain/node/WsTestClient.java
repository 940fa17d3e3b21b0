package org.cvmj.chain.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain JSON-RPC client over the JDK's WebSocket: responses are matched by id, notifications are kept in
 * arrival order. Every wait has a generous timeout, only so that a broken server fails the test instead of
 * hanging it.
 */
final class WsTestClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long TIMEOUT_SECONDS = 60;

  /** How the server closed the connection. */
  record Close(int code, String reason) {}

  private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
  final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private int nextId = 1;

  WsTestClient(String url) throws Exception {
    StringBuilder partial = new StringBuilder();
    socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          try {
            messages.add(JSON.readTree(partial.toString()));
          } catch (Exception e) {
            messages.add(JSON.createObjectNode().put("unparsable", partial.toString()));
          }
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        closed.complete(new Close(code, reason));
        return null;
      }

      @Override
      public void onError(WebSocket ws, Throwable error) {
        closed.complete(new Close(-1, String.valueOf(error)));
      }
    }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Sends a raw text message. */
  void sendText(String text) throws Exception {
    socket.sendText(text, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** A request with the next id; the whole response object. */
  JsonNode request(String method, Object... params) throws Exception {
    int id = nextId++;
    ObjectNode r = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    ArrayNode p = r.putArray("params");
    for (Object o : params) {
      p.add(o instanceof JsonNode n ? n : JSON.valueToTree(o));
    }
    sendText(JSON.writeValueAsString(r));
    return response(id);
  }

  /** The result of a request, failing the test on an error response. */
  JsonNode call(String method, Object... params) throws Exception {
    JsonNode r = request(method, params);
    if (r.has("error")) {
      throw new AssertionError(method + " failed: " + r.get("error"));
    }
    return r.get("result");
  }

  /** The next message that is not a notification and has this id. */
  JsonNode response(int id) throws Exception {
    while (true) {
      JsonNode m = nextMessage();
      if (m.has("method") && "eth_subscription".equals(m.get("method").asText())) {
        notifications.add(m);
      } else if (m.path("id").asInt(-1) == id) {
        return m;
      }
    }
  }

  /** The next message of any kind that is not a notification (e.g. the answer to a batch or a bad frame). */
  JsonNode nextReply() throws Exception {
    while (true) {
      JsonNode m = nextMessage();
      if (m.has("method") && "eth_subscription".equals(m.get("method").asText())) {
        notifications.add(m);
      } else {
        return m;
      }
    }
  }

  /** The params of the next {@code eth_subscription} notification. */
  JsonNode nextNotification() throws Exception {
    JsonNode n = notifications.poll();
    while (n == null) {
      JsonNode m = nextMessage();
      if (m.has("method") && "eth_subscription".equals(m.get("method").asText())) {
        n = m;
      } else {
        throw new AssertionError("expected a notification, got " + m);
      }
    }
    return n.get("params");
  }

  private JsonNode nextMessage() throws Exception {
    JsonNode m = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within " + TIMEOUT_SECONDS + " s"
          + (closed.isDone() ? "; the connection closed: " + closed.get() : ""));
    }
    return m;
  }

  Close awaitClose() throws Exception {
    return closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
