package org.cvmj.chain.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvmj.chain.ChainFixtures;
import org.cvmj.chain.crypto.Hex;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of ethereum/tests RLPTests: rlptest.json both ways, invalidRLPTest.json, RandomRLPTests. */
class RlpConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> rlptestEncodesAndDecodes() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> c : cases(ChainFixtures.ethereumTests("RLPTests").resolve("rlptest.json"))) {
      tests.add(dynamicTest(c.getKey(), () -> {
        RlpItem expected = toItem(c.getValue().get("in"));
        byte[] out = Hex.decode(c.getValue().get("out").asText());
        RlpWriter w = new RlpWriter();
        write(w, c.getValue().get("in"));
        assertEquals(Hex.encode(out), Hex.encode(w.toByteArray()), "encoding");
        assertArrayEquals(out, expected.encode(), "encoding of the item tree");
        assertEquals(expected, RlpItem.decode(out), "decoding");
      }));
    }
    assertEquals(28, tests.size(), "rlptest.json case count");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidRlpIsRejected() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    Path file = ChainFixtures.ethereumTests("RLPTests").resolve("invalidRLPTest.json");
    for (Map.Entry<String, JsonNode> c : cases(file)) {
      tests.add(dynamicTest(c.getKey(), () -> {
        byte[] in = Hex.decode(c.getValue().get("out").asText());
        RlpException e = assertThrows(RlpException.class, () -> RlpItem.decode(in));
        assertEquals(true, e.getMessage().contains("at byte offset"), e.getMessage());
      }));
    }
    assertEquals(26, tests.size(), "invalidRLPTest.json case count");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> randomRlpIsAcceptedAndReencodes() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    Path dir = ChainFixtures.ethereumTests("RLPTests/RandomRLPTests");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        for (Map.Entry<String, JsonNode> c : cases(f)) {
          tests.add(dynamicTest(f.getFileName() + "/" + c.getKey(), () -> {
            byte[] in = Hex.decode(c.getValue().get("out").asText());
            assertArrayEquals(in, RlpItem.decode(in).encode());
          }));
        }
      }
    }
    return tests.stream();
  }

  static List<Map.Entry<String, JsonNode>> cases(Path file) throws IOException {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(file.toFile()).fields(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private static RlpItem toItem(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(x -> items.add(toItem(x)));
      return new RlpItem.Items(items);
    }
    return new RlpItem.Bytes(scalarBytes(in));
  }

  private static byte[] scalarBytes(JsonNode in) {
    if (in.isIntegralNumber()) {
      return unsigned(in.bigIntegerValue());
    }
    String s = in.asText();
    if (s.startsWith("#")) {
      return unsigned(new BigInteger(s.substring(1)));
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] unsigned(BigInteger v) {
    if (v.signum() == 0) {
      return new byte[0];
    }
    byte[] b = v.toByteArray();
    return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  /** Writes through the typed writer methods, as production code does. */
  private static void write(RlpWriter w, JsonNode in) {
    if (in.isArray()) {
      w.startList();
      in.forEach(x -> write(w, x));
      w.endList();
    } else if (in.isIntegralNumber()) {
      w.writeLong(in.longValue());
    } else if (in.asText().startsWith("#")) {
      w.writeBigInteger(new BigInteger(in.asText().substring(1)));
    } else {
      w.writeBytes(in.asText().getBytes(StandardCharsets.UTF_8));
    }
  }
}
