package org.cvmj.chain.statetest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.BlobGas;
import org.cvmj.chain.evm.BlockContext;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.tx.AccessListEntry;

/** Reads a GeneralStateTests JSON file (the filled format of ethereum/tests) into {@link StateTest}s. */
public final class StateTestReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The chain id state tests run under. */
  private static final Word CHAIN_ID = Word.ONE;

  private StateTestReader() {}

  /** The tests of {@code file}, with the post cases of {@code fork} (e.g. {@code "Cancun"}). */
  public static List<StateTest> read(Path file, String fork) throws StateTestException {
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new StateTestException(file + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new StateTestException("cannot read " + file + ": " + e);
    }
    if (doc == null || !doc.isObject()) {
      throw new StateTestException(file + " is not a state test: expected a JSON object of named tests");
    }
    List<StateTest> tests = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        tests.add(test(e.getKey(), e.getValue(), fork));
      } catch (IllegalArgumentException | NullPointerException | ClassCastException ex) {
        throw new StateTestException(file + ": test " + e.getKey() + " is malformed: " + describe(ex));
      }
    }
    return tests;
  }

  private static String describe(RuntimeException e) {
    return e instanceof NullPointerException ? "a required field is missing" : e.getMessage();
  }

  private static StateTest test(String name, JsonNode t, String fork) {
    List<PreAccount> pre = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = required(t, "pre").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<Word, Word> storage = new HashMap<>();
      a.path("storage").fields().forEachRemaining(s ->
          storage.put(FixtureValues.word(s.getKey()), FixtureValues.word(s.getValue().asText())));
      pre.add(new PreAccount(Address.fromHex(e.getKey()), FixtureValues.word(text(a, "balance")),
          FixtureValues.u64(text(a, "nonce")), FixtureValues.bytes(text(a, "code")), storage));
    }
    List<PostCase> posts = new ArrayList<>();
    for (JsonNode p : required(t, "post").path(fork)) {
      JsonNode idx = required(p, "indexes");
      posts.add(new PostCase(required(idx, "data").asInt(), required(idx, "gas").asInt(),
          required(idx, "value").asInt(), Hash.fromHex(text(p, "hash")), Hash.fromHex(text(p, "logs")),
          p.path("expectException").asText("")));
    }
    return new StateTest(name, pre, block(required(t, "env")), transaction(required(t, "transaction")), posts);
  }

  private static BlockContext block(JsonNode env) {
    return new BlockContext(Address.fromHex(text(env, "currentCoinbase")),
        FixtureValues.u64(text(env, "currentNumber")), FixtureValues.u64(text(env, "currentTimestamp")),
        FixtureValues.u64(text(env, "currentGasLimit")), FixtureValues.word(env.path("currentBaseFee").asText("0x0")),
        FixtureValues.word(env.path("currentRandom").asText(text(env, "currentDifficulty"))), CHAIN_ID,
        BlobGas.baseFee(FixtureValues.number(env.path("currentExcessBlobGas").asText("0x0"))),
        StateTestReader::blockHash);
  }

  /** The block hashes state tests assume: keccak of the block number in decimal, as geth's runner defines. */
  private static Word blockHash(long number) {
    return Word.fromBytes(Keccak256.digest(Long.toString(number).getBytes(StandardCharsets.US_ASCII)));
  }

  private static TransactionTemplate transaction(JsonNode tx) {
    String toText = tx.path("to").asText("");
    Address to = toText.isEmpty() ? null : Address.fromHex(toText);
    List<byte[]> data = new ArrayList<>();
    required(tx, "data").forEach(d -> data.add(FixtureValues.bytes(d.asText())));
    List<List<AccessListEntry>> accessLists = new ArrayList<>();
    JsonNode lists = tx.path("accessLists");
    for (int i = 0; i < data.size(); i++) {
      List<AccessListEntry> list = new ArrayList<>();
      if (lists.isArray() && i < lists.size() && !lists.get(i).isNull()) {
        for (JsonNode e : lists.get(i)) {
          List<Hash> keys = new ArrayList<>();
          required(e, "storageKeys").forEach(k -> keys.add(Hash.fromHex(k.asText())));
          list.add(new AccessListEntry(Address.fromHex(text(e, "address")), keys));
        }
      }
      accessLists.add(list);
    }
    List<String> gasLimits = new ArrayList<>();
    required(tx, "gasLimit").forEach(g -> gasLimits.add(g.asText()));
    List<String> values = new ArrayList<>();
    required(tx, "value").forEach(v -> values.add(v.asText()));
    boolean legacyPriced = tx.has("gasPrice");
    Word maxFee = FixtureValues.word(legacyPriced ? text(tx, "gasPrice") : text(tx, "maxFeePerGas"));
    Word maxPriority = FixtureValues.word(legacyPriced ? text(tx, "gasPrice") : text(tx, "maxPriorityFeePerGas"));
    List<Hash> blobHashes = null;
    if (tx.has("blobVersionedHashes")) {
      blobHashes = new ArrayList<>();
      for (JsonNode h : tx.get("blobVersionedHashes")) {
        blobHashes.add(Hash.fromHex(h.asText()));
      }
    }
    return new TransactionTemplate(Address.fromHex(text(tx, "sender")), to, text(tx, "nonce"), maxFee, maxPriority,
        data, accessLists, gasLimits, values, blobHashes,
        FixtureValues.word(tx.path("maxFeePerBlobGas").asText("0x0")));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }
}
