package org.cvmj.chain.sol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;

/**
 * One compiled contract as committed under {@code org/cvmj/chain/solidity/} on the classpath:
 * {@code <Name>.abi} (the ABI JSON), {@code <Name>.bin} (creation bytecode, hex) and {@code <Name>.bin-runtime}
 * (deployed bytecode, hex), written by {@code cvm-chain/scripts/compile-solidity.js} from
 * {@code cvm-chain/src/main/solidity}. Looks up function, event and error signatures in the ABI by name.
 */
public final class ContractArtifact {
  /** The classpath folder holding the artifacts. */
  public static final String RESOURCE_DIR = "org/cvmj/chain/solidity/";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String abiJson;
  private final JsonNode abi;
  private final byte[] creationCode;
  private final byte[] runtimeCode;

  private ContractArtifact(String name, String abiJson, byte[] creationCode, byte[] runtimeCode) {
    this.name = name;
    this.abiJson = abiJson;
    try {
      this.abi = JSON.readTree(abiJson);
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE_DIR + name + ".abi is not valid JSON: " + e.getMessage(), e);
    }
    if (!abi.isArray()) {
      throw new IllegalStateException(RESOURCE_DIR + name + ".abi is not a JSON array");
    }
    this.creationCode = creationCode;
    this.runtimeCode = runtimeCode;
  }

  /**
   * Loads the committed artifact of contract {@code name} (the Solidity contract name, e.g. {@code "Token"}).
   *
   * @throws IllegalArgumentException when there is no such artifact on the classpath
   */
  public static ContractArtifact load(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a Solidity contract name: '" + name + "'");
    }
    String abi = new String(resource(name, ".abi"), StandardCharsets.UTF_8);
    byte[] bin = hex(name, ".bin");
    byte[] runtime = hex(name, ".bin-runtime");
    return new ContractArtifact(name, abi, bin, runtime);
  }

  public String name() {
    return name;
  }

  /** The ABI exactly as committed (JSON array). */
  public String abiJson() {
    return abiJson;
  }

  /** The creation (init) bytecode without constructor arguments. */
  public byte[] creationCode() {
    return creationCode.clone();
  }

  /**
   * The deployed bytecode as the compiler wrote it; the code a deployment actually leaves differs from it where
   * the contract has {@code immutable} variables (the compiler leaves zeros there).
   */
  public byte[] runtimeCode() {
    return runtimeCode.clone();
  }

  /** The init code of a deployment: the creation code followed by the ABI-encoded constructor arguments. */
  public byte[] deployData(Object... constructorArgs) {
    List<String> types = constructorTypes();
    byte[] args = Abi.encode(types, constructorArgs);
    byte[] out = new byte[creationCode.length + args.length];
    System.arraycopy(creationCode, 0, out, 0, creationCode.length);
    System.arraycopy(args, 0, out, creationCode.length, args.length);
    return out;
  }

  /** The canonical signature of the function {@code name}, e.g. {@code transfer(address,uint256)}. */
  public String functionSignature(String function) {
    return signature(entry("function", function));
  }

  /** The canonical signature of the event {@code name}, e.g. {@code Transfer(address,address,uint256)}. */
  public String eventSignature(String event) {
    return signature(entry("event", event));
  }

  /** The canonical signature of the custom error {@code name}, e.g. {@code Unauthorized(address,uint256)}. */
  public String errorSignature(String error) {
    return signature(entry("error", error));
  }

  /** The first topic of the event {@code name}. */
  public Hash eventTopic(String event) {
    return Abi.eventTopic(eventSignature(event));
  }

  /** Call data for the function {@code name}: its selector and the encoded arguments. */
  public byte[] encodeCall(String function, Object... args) {
    return Abi.encodeCall(functionSignature(function), args);
  }

  /** The return values of the function {@code name}, decoded from its return data. */
  public List<Object> decodeOutput(String function, byte[] returnData) {
    return Abi.decode(types(entry("function", function).get("outputs")), returnData);
  }

  private List<String> constructorTypes() {
    for (JsonNode e : abi) {
      if ("constructor".equals(e.path("type").asText())) return types(e.get("inputs"));
    }
    return List.of();
  }

  private JsonNode entry(String kind, String entryName) {
    JsonNode found = null;
    for (JsonNode e : abi) {
      if (kind.equals(e.path("type").asText()) && entryName.equals(e.path("name").asText())) {
        if (found != null) {
          throw new IllegalArgumentException(name + " has more than one " + kind + " named " + entryName
              + " (overloads); use Abi with the full signature");
        }
        found = e;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(name + " has no " + kind + " named '" + entryName + "' in its ABI");
    }
    return found;
  }

  private static String signature(JsonNode entry) {
    return entry.get("name").asText() + "(" + String.join(",", types(entry.get("inputs"))) + ")";
  }

  private static List<String> types(JsonNode params) {
    List<String> out = new ArrayList<>();
    if (params != null) {
      for (JsonNode p : params) out.add(p.get("type").asText());
    }
    return out;
  }

  private static byte[] hex(String name, String suffix) {
    String text = new String(resource(name, suffix), StandardCharsets.US_ASCII).strip();
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(RESOURCE_DIR + name + suffix + " is not hex bytecode (unlinked library "
          + "placeholders?): " + e.getMessage(), e);
    }
  }

  private static byte[] resource(String name, String suffix) {
    String path = RESOURCE_DIR + name + suffix;
    try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no compiled artifact for contract '" + name + "': " + path
            + " is not on the classpath; add the contract to cvm-chain/src/main/solidity and run "
            + "node cvm-chain/scripts/compile-solidity.js");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }
}
