package org.cvmj.chain.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvmj.chain.ChainFixtures;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Keccak256;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ethereum/tests TrieTests. Beyond the expected root, each case also reopens the committed trie
 * from its root alone and checks every remaining key's value and Merkle proof.
 */
class TrieConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> trietest() throws IOException {
    return run("trietest.json", false, 5);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorder() throws IOException {
    return run("trieanyorder.json", false, 7);
  }

  @TestFactory
  Stream<DynamicTest> trietestSecureTrie() throws IOException {
    return run("trietest_secureTrie.json", true, 3);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorderSecureTrie() throws IOException {
    return run("trieanyorder_secureTrie.json", true, 7);
  }

  @TestFactory
  Stream<DynamicTest> hexEncodedSecureTrie() throws IOException {
    return run("hex_encoded_securetrie_test.json", true, 3);
  }

  /** Iteration order: for each probe key, the previous and next keys present (in byte order). */
  @TestFactory
  Stream<DynamicTest> trietestnextprev() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> c : cases("trietestnextprev.json")) {
      tests.add(dynamicTest(c.getKey(), () -> {
        Trie t = new Trie(new MemoryNodeStore());
        for (JsonNode k : c.getValue().get("in")) {
          t.put(bytes(k.asText()), bytes(k.asText()));
        }
        List<String> keys = new ArrayList<>();
        t.forEach((k, v) -> keys.add(new String(k, StandardCharsets.UTF_8)));
        for (JsonNode probe : c.getValue().get("tests")) {
          byte[] p = bytes(probe.get(0).asText());
          String prev = "";
          String next = "";
          for (String k : keys) {
            int cmp = Arrays.compareUnsigned(bytes(k), p);
            if (cmp < 0) {
              prev = k;
            } else if (cmp > 0 && next.isEmpty()) {
              next = k;
            }
          }
          assertEquals(probe.get(1).asText(), prev, "prev of " + probe.get(0));
          assertEquals(probe.get(2).asText(), next, "next of " + probe.get(0));
        }
      }));
    }
    return tests.stream();
  }

  private Stream<DynamicTest> run(String file, boolean secure, int expectedCases) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> c : cases(file)) {
      tests.add(dynamicTest(c.getKey(), () -> check(c.getValue(), secure)));
    }
    assertEquals(expectedCases, tests.size(), file + " case count");
    return tests.stream();
  }

  private static void check(JsonNode testCase, boolean secure) throws Exception {
    List<byte[][]> ops = new ArrayList<>();
    JsonNode in = testCase.get("in");
    if (in.isArray()) {
      for (JsonNode kv : in) {
        ops.add(new byte[][] {bytes(kv.get(0).asText()), kv.get(1).isNull() ? null : bytes(kv.get(1).asText())});
      }
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> kv = it.next();
        ops.add(new byte[][] {bytes(kv.getKey()), bytes(kv.getValue().asText())});
      }
    }
    MemoryNodeStore store = new MemoryNodeStore();
    Trie trie = new Trie(store);
    Map<String, byte[]> expected = new LinkedHashMap<>();
    for (byte[][] op : ops) {
      byte[] key = secure ? Keccak256.digest(op[0]) : op[0];
      if (op[1] == null || op[1].length == 0) {
        trie.delete(key);
        expected.remove(Hex.encode(key));
      } else {
        trie.put(key, op[1]);
        expected.put(Hex.encode(key), op[1]);
      }
    }
    Hash root = Hash.fromHex(testCase.get("root").asText());
    assertEquals(root, trie.rootHash(), "root");
    assertEquals(root, trie.commit(), "committed root");

    Trie reopened = new Trie(store, root);
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      byte[] key = Hex.decode(e.getKey());
      assertArrayEquals(e.getValue(), reopened.get(key), "value of " + e.getKey());
      assertArrayEquals(e.getValue(), Proof.verify(root, key, reopened.prove(key)), "proof of " + e.getKey());
    }
    byte[] absent = Keccak256.digest("absent".getBytes(StandardCharsets.US_ASCII));
    assertNull(Proof.verify(root, absent, reopened.prove(absent)));
    List<String> walked = new ArrayList<>();
    reopened.forEach((k, v) -> walked.add(Hex.encode(k)));
    assertEquals(expected.keySet().stream().sorted().toList(), walked, "iteration order");
  }

  private static byte[] bytes(String s) {
    return s.startsWith("0x") ? Hex.decode(s) : s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Map.Entry<String, JsonNode>> cases(String file) throws IOException {
    Path p = ChainFixtures.ethereumTests("TrieTests").resolve(file);
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(p.toFile()).fields(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
