package org.cvmj.chain.evm;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A tiny assembler for test programs, so bytecode in tests reads as mnemonics. Tokens are separated by
 * whitespace: a mnemonic from the operation table ({@code ADD}, {@code SSTORE}); {@code PUSHn 0x..} with its
 * immediate; {@code label:} defines a JUMPDEST there; {@code @label} pushes the label's offset as PUSH2;
 * {@code 0x..} alone emits raw bytes (for data or invalid opcodes).
 */
final class Asm {
  private Asm() {}

  static byte[] assemble(String source) {
    String[] tokens = source.trim().split("\\s+");
    Map<String, Integer> labels = new HashMap<>();
    byte[] first = emit(tokens, labels, new HashSet<>(), true);
    byte[] second = emit(tokens, labels, new HashSet<>(), false);
    if (first.length != second.length) throw new IllegalStateException("label sizes changed");
    return second;
  }

  static String hex(String source) {
    StringBuilder sb = new StringBuilder();
    for (byte b : assemble(source)) sb.append(String.format("%02x", b));
    return sb.toString();
  }

  private static byte[] emit(String[] tokens, Map<String, Integer> labels, Set<String> seen, boolean firstPass) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.isEmpty()) continue;
      if (t.endsWith(":")) {
        labels.put(t.substring(0, t.length() - 1), out.size());
        out.write(0x5b);
      } else if (t.startsWith("@")) {
        int target = firstPass ? 0 : labels.get(t.substring(1));
        out.write(0x61);
        out.write(target >> 8);
        out.write(target);
      } else if (t.startsWith("0x")) {
        out.writeBytes(bytes(t.substring(2)));
      } else if (t.startsWith("PUSH") && !t.equals("PUSH0")) {
        int n = Integer.parseInt(t.substring(4));
        byte[] imm = bytes(tokens[++i].replaceFirst("^0x", ""));
        if (imm.length > n) throw new IllegalArgumentException(t + " immediate too long: " + tokens[i]);
        out.write(0x5f + n);
        out.writeBytes(new byte[n - imm.length]);
        out.writeBytes(imm);
      } else {
        out.write(opcode(t));
      }
    }
    return out.toByteArray();
  }

  private static int opcode(String name) {
    for (int op = 0; op < 256; op++) {
      if (OperationTable.name(op).equals(name)) return op;
    }
    throw new IllegalArgumentException("unknown mnemonic " + name);
  }

  static byte[] bytes(String hex) {
    String h = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (h.length() % 2 == 1) h = "0" + h;
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    return out;
  }
}
