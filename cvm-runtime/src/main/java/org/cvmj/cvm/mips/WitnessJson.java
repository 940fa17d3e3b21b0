package org.cvmj.cvm.mips;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The one reader and writer of a step witness as JSON: {@code step}, {@code preStateHash},
 * {@code postStateHash}, the hex fields of {@link StepWitness} ({@code state}, {@code instructionProof},
 * {@code dataProof}), and for people the decoded {@code pc} and {@code instruction}.
 */
public final class WitnessJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private WitnessJson() {}

  /** A witness with the facts around it: the step it proves and the post-state hash the verifier gives. */
  public record Proven(long step, StepWitness witness, byte[] postStateHash) {}

  public static String write(Proven p) {
    StepWitness w = p.witness();
    byte[] state = w.state();
    ObjectNode o = JSON.createObjectNode();
    o.put("step", p.step());
    o.put("preStateHash", hex(w.preStateHash()));
    o.put("postStateHash", hex(p.postStateHash()));
    o.put("pc", "0x" + HEX.formatHex(state, 32, 36));
    if (w.instructionProof().length > 0) {
      int at = ByteBuffer.wrap(state, 32, 4).getInt() & 31; // pc's offset in its leaf
      o.put("instruction", "0x" + HEX.formatHex(w.instructionProof(), at, at + 4));
    }
    o.put("state", hex(state));
    o.put("instructionProof", hex(w.instructionProof()));
    o.put("dataProof", hex(w.dataProof()));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  public static Proven read(String json) throws MipsException {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MipsException("witness is not valid JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      throw new MipsException("witness JSON must be an object");
    }
    JsonNode step = o.get("step");
    if (step == null || !step.canConvertToLong() || step.asLong() < 0) {
      throw new MipsException("witness field \"step\" must be a non-negative integer");
    }
    StepWitness w = new StepWitness(bytes(o, "state"), bytes(o, "instructionProof"), bytes(o, "dataProof"));
    return new Proven(step.asLong(), w, bytes(o, "postStateHash"));
  }

  private static byte[] bytes(JsonNode o, String field) throws MipsException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || !v.asText().startsWith("0x")) {
      throw new MipsException("witness field \"" + field + "\" must be a 0x-prefixed hex string");
    }
    try {
      return HEX.parseHex(v.asText().substring(2));
    } catch (IllegalArgumentException e) {
      throw new MipsException("witness field \"" + field + "\": " + e.getMessage());
    }
  }

  static String hex(byte[] b) {
    return "0x" + HEX.formatHex(b);
  }
}
