package org.cvmj.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvmj.chain.ChainFixtures;
import org.junit.jupiter.api.Test;

/**
 * Runs every Cancun case of the GeneralStateTests fixtures through {@link TransactionExecutor} and checks what
 * can be checked without a state trie: the keccak of the RLP of the logs, and that transactions the fixture
 * rejects are rejected, and that nothing throws. (The state root comparison needs the trie and lands with the
 * full runner.)
 */
class GeneralStateTestsLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * VMTests/vmPerformance runs loops of ten million iterations (about a minute here); it runs only with
   * -Dcvmj.gst.performance=true. -Dcvmj.gst.filter=NAME restricts the run to paths containing NAME.
   */
  private static final boolean PERFORMANCE = Boolean.getBoolean("cvmj.gst.performance");

  @Test
  void logsHashesAndRejectionsMatchTheFixtures() throws IOException {
    Path root = ChainFixtures.ethereumTests("GeneralStateTests");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> p.toString().contains(System.getProperty("cvmj.gst.filter", "")))
          .filter(p -> PERFORMANCE || !p.toString().contains("vmPerformance"))
          .sorted().toList();
    }
    int cases = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode doc = JSON.readTree(file.toFile());
      for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> test = it.next();
        JsonNode t = test.getValue();
        JsonNode posts = t.path("post").path("Cancun");
        for (int i = 0; i < posts.size(); i++) {
          JsonNode post = posts.get(i);
          String expectException = post.path("expectException").asText("");
          if (expectException.contains("RLP_") || expectException.contains("TYPE_3_TX_ZERO_BLOBS")) {
            skipped++; // rejected by the transaction decoder, before the EVM
            continue;
          }
          cases++;
          String name = root.relativize(file) + " " + test.getKey() + " #" + i;
          try {
            String problem = runCase(t, post, expectException);
            if (problem != null) failures.add(name + ": " + problem);
          } catch (RuntimeException | StackOverflowError e) {
            failures.add(name + ": threw " + e);
          }
        }
      }
    }
    System.out.printf("GeneralStateTests (Cancun): %d cases, %d failures, %d skipped (decoder-level)%n", cases,
        failures.size(), skipped);
    failures.stream().limit(40).forEach(System.out::println);
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }

  private static String runCase(JsonNode t, JsonNode post, String expectException) {
    InMemoryWorldState state = new InMemoryWorldState();
    for (Iterator<Map.Entry<String, JsonNode>> it = t.get("pre").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<Word, Word> storage = new HashMap<>();
      a.path("storage").fields().forEachRemaining(s -> storage.put(word(s.getKey()), word(s.getValue().asText())));
      state.withAccount(Address.fromHex(e.getKey()), word(a.get("balance").asText()), num(a.get("nonce").asText()),
          bytes(a.get("code").asText()), storage);
    }
    JsonNode env = t.get("env");
    long number = num(env.get("currentNumber").asText());
    BlockContext block = new BlockContext(Address.fromHex(env.get("currentCoinbase").asText()), number,
        num(env.get("currentTimestamp").asText()), num(env.get("currentGasLimit").asText()),
        word(env.path("currentBaseFee").asText("0x0")), word(env.get("currentRandom").asText()), Word.ONE,
        blobBaseFee(new BigInteger(strip(env.get("currentExcessBlobGas").asText()), 16)),
        n -> EvmHash.keccakWord(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));

    JsonNode tx = t.get("transaction");
    JsonNode idx = post.get("indexes");
    byte[] data = bytes(tx.get("data").get(idx.get("data").asInt()).asText());
    long gasLimit = num(tx.get("gasLimit").get(idx.get("gas").asInt()).asText());
    Word value = word(tx.get("value").get(idx.get("value").asInt()).asText());
    String toText = tx.get("to").asText();
    Address to = toText.isEmpty() ? null : Address.fromHex(toText);
    List<AccessListEntry> accessList = new ArrayList<>();
    JsonNode lists = tx.path("accessLists");
    if (lists.isArray() && lists.size() > idx.get("data").asInt() && !lists.get(idx.get("data").asInt()).isNull()) {
      for (JsonNode e : lists.get(idx.get("data").asInt())) {
        List<Word> keys = new ArrayList<>();
        e.get("storageKeys").forEach(k -> keys.add(word(k.asText())));
        accessList.add(new AccessListEntry(Address.fromHex(e.get("address").asText()), keys));
      }
    }
    List<Word> blobHashes = new ArrayList<>();
    tx.path("blobVersionedHashes").forEach(h -> blobHashes.add(word(h.asText())));
    Word maxFee = word(tx.has("gasPrice") ? tx.get("gasPrice").asText() : tx.get("maxFeePerGas").asText());
    Word maxPriority = word(tx.has("gasPrice") ? tx.get("gasPrice").asText()
        : tx.get("maxPriorityFeePerGas").asText());
    TransactionRequest request = new TransactionRequest(Address.fromHex(tx.get("sender").asText()), to,
        num(tx.get("nonce").asText()), value, data, gasLimit, IntrinsicGas.of(data, to == null, accessList),
        maxFee, maxPriority, accessList, blobHashes, word(tx.path("maxFeePerBlobGas").asText("0x0")));

    TransactionResult result;
    try {
      result = TransactionExecutor.execute(state, block, request);
    } catch (InvalidTransactionException e) {
      return expectException.isEmpty() ? "rejected: " + e.getMessage() : null;
    }
    if (!expectException.isEmpty()) {
      return "accepted, but the fixture expects " + expectException;
    }
    String logsHash = "0x" + hex(EvmHash.keccak256(logsRlp(result.logs())));
    String expected = post.get("logs").asText();
    return logsHash.equals(expected) ? null
        : "logs hash " + logsHash + " != " + expected + " (" + result.status() + " " + result.haltReason() + ")";
  }

  /** EIP-4844 fake_exponential(1, excess, 3338477). */
  static Word blobBaseFee(BigInteger excess) {
    BigInteger denominator = BigInteger.valueOf(3338477);
    BigInteger i = BigInteger.ONE;
    BigInteger output = BigInteger.ZERO;
    BigInteger acc = denominator;
    while (acc.signum() > 0) {
      output = output.add(acc);
      acc = acc.multiply(excess).divide(denominator.multiply(i));
      i = i.add(BigInteger.ONE);
    }
    return Word.fromBigInteger(output.divide(denominator));
  }

  // ---- a minimal RLP writer for the logs hash (test only; the chain's RLP lives in org.cvmj.chain.rlp) ----

  private static byte[] logsRlp(List<Log> logs) {
    List<byte[]> items = new ArrayList<>();
    for (Log l : logs) {
      List<byte[]> topics = new ArrayList<>();
      for (Word w : l.topics()) topics.add(rlpBytes(w.toBytes()));
      items.add(rlpList(List.of(rlpBytes(l.address().toBytes()), rlpList(topics), rlpBytes(l.data()))));
    }
    return rlpList(items);
  }

  private static byte[] rlpBytes(byte[] b) {
    if (b.length == 1 && (b[0] & 0xff) < 0x80) return b;
    return withHeader(0x80, b);
  }

  private static byte[] rlpList(List<byte[]> items) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    items.forEach(body::writeBytes);
    return withHeader(0xc0, body.toByteArray());
  }

  private static byte[] withHeader(int base, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (body.length < 56) {
      out.write(base + body.length);
    } else {
      byte[] len = BigInteger.valueOf(body.length).toByteArray();
      int off = len[0] == 0 ? 1 : 0;
      out.write(base + 55 + len.length - off);
      out.write(len, off, len.length - off);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  // ---- hex ----

  private static String strip(String h) {
    String s = h.startsWith("0x") ? h.substring(2) : h;
    return s.isEmpty() ? "0" : s;
  }

  private static Word word(String h) {
    return Word.fromBigInteger(new BigInteger(strip(h), 16));
  }

  private static long num(String h) {
    return new BigInteger(strip(h), 16).longValue();
  }

  private static byte[] bytes(String h) {
    String s = h.startsWith("0x") ? h.substring(2) : h;
    return Asm.bytes(s);
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) sb.append(String.format("%02x", x));
    return sb.toString();
  }
}
