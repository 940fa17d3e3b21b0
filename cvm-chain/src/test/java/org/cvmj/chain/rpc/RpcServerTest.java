package org.cvmj.chain.rpc;

import static org.cvmj.chain.rpc.EthMethodsTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server on loopback, ephemeral port: HTTP rules, limits, recovery after errors, concurrency. */
class RpcServerTest {
  static final int LIMIT = 4096;

  final FakeBackend node = new FakeBackend();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  RpcServer server;

  @BeforeEach
  void start() throws IOException {
    server = RpcServer.start(RpcMethods.standard(node),
        ServerOptions.http().withPort(0).withMaxRequestBytes(LIMIT).withThreads(2));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> post(String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
        .POST(HttpRequest.BodyPublishers.ofString(q(body)));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String body) throws Exception {
    return post(body, "application/json");
  }

  @Test
  void servesOnLoopbackEphemeralPort() throws Exception {
    assertEquals("127.0.0.1", server.host());
    assertNotEquals(0, server.port());
    HttpResponse<String> r = post("{'jsonrpc':'2.0','id':1,'method':'eth_chainId','params':[]}",
        "application/json; charset=utf-8");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(q("{'jsonrpc':'2.0','id':1,'result':'0x539'}"), r.body());
  }

  @Test
  void onlyPost() throws Exception {
    for (String method : List.of("GET", "PUT", "DELETE")) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url()))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, r.statusCode(), method);
      assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
      assertEquals(q("{'jsonrpc':'2.0','id':null,'error':{'code':-32600,"
          + "'message':'method not allowed: JSON-RPC requests are HTTP POST'}}"), r.body());
    }
  }

  @Test
  void onlyJson() throws Exception {
    for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded"}) {
      HttpResponse<String> r = post("{'jsonrpc':'2.0','id':1,'method':'eth_chainId'}", type);
      assertEquals(415, r.statusCode(), type);
      assertEquals(q("{'jsonrpc':'2.0','id':null,'error':{'code':-32600,"
          + "'message':'invalid content type, only application/json is supported'}}"), r.body());
    }
  }

  @Test
  void oversizedBodiesAreRefusedWithContentLengthOrChunked() throws Exception {
    String big = "{'jsonrpc':'2.0','id':1,'method':'eth_call','params':[{'input':'0x" + "00".repeat(LIMIT) + "'}]}";
    String expected = q("{'jsonrpc':'2.0','id':null,'error':{'code':-32600,"
        + "'message':'request body too large: the limit is " + LIMIT + " bytes'}}");
    HttpResponse<String> r = post(big);
    assertEquals(413, r.statusCode());
    assertEquals(expected, r.body());
    byte[] bytes = q(big).getBytes();
    HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create(server.url()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, chunked.statusCode());
    assertEquals(expected, chunked.body());
    String fits = "{'jsonrpc':'2.0','id':2,'method':'eth_call','params':[{'input':'0x" + "00".repeat(100) + "'}]}";
    assertEquals(q("{'jsonrpc':'2.0','id':2,'result':'0x" + "00".repeat(100) + "'}"), post(fits).body());
  }

  @Test
  void keepsServingAfterErrors() throws Exception {
    assertEquals(q("{'jsonrpc':'2.0','id':null,'error':{'code':-32700,'message':'parse error'}}"), post("{oops").body());
    assertEquals(q("{'jsonrpc':'2.0','id':7,'error':{'code':-32603,'message':'internal error: backend exploded'}}"),
        post("{'jsonrpc':'2.0','id':7,'method':'eth_call','params':[{'input':'0xee'}]}").body());
    assertEquals(q("{'jsonrpc':'2.0','id':8,'error':{'code':-32601,"
        + "'message':'the method nope does not exist/is not available'}}"),
        post("{'jsonrpc':'2.0','id':8,'method':'nope'}").body());
    assertEquals(q("{'jsonrpc':'2.0','id':9,'result':'0x1'}"),
        post("{'jsonrpc':'2.0','id':9,'method':'eth_blockNumber'}").body());
  }

  @Test
  void notificationsOnlyGiveAnEmptyOk() throws Exception {
    HttpResponse<String> r = post("[{'jsonrpc':'2.0','method':'evm_mine'},{'jsonrpc':'2.0','method':'evm_mine'}]");
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
    assertEquals(2, node.mined.size());
  }

  @Test
  void concurrentClientsAllGetTheirOwnAnswers() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(clients.submit(() -> {
          int ok = 0;
          for (int i = 0; i < 200; i++) {
            int id = thread * 1000 + i;
            String body = i % 10 == 9 ? "{bad" : "{'jsonrpc':'2.0','id':" + id + ",'method':'eth_chainId'}";
            String expected = i % 10 == 9 ? "{'jsonrpc':'2.0','id':null,'error':{'code':-32700,'message':'parse error'}}"
                : "{'jsonrpc':'2.0','id':" + id + ",'result':'0x539'}";
            if (post(body).body().equals(q(expected))) {
              ok++;
            }
          }
          return ok;
        }));
      }
      for (Future<Integer> f : results) {
        assertEquals(200, f.get());
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void closedServerRefusesConnections() throws Exception {
    String url = server.url();
    server.close();
    assertThrows(IOException.class, () -> client.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
  }
}
