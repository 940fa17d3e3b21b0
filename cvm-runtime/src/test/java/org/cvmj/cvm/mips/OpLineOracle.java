package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recomputes in Java every "op A B = R" line the arithmetic programs print (io.c put_op / put_op64), so that a
 * wrong result is caught even where the VM and qemu would agree. Java's int arithmetic is MIPS32's: wrapping
 * two's complement, truncating division, {@code MIN_VALUE / -1 == MIN_VALUE}.
 */
final class OpLineOracle {
  private static final Pattern LINE = Pattern.compile("(\\w+) 0x([0-9a-f]{8}) 0x([0-9a-f]{8}) = 0x([0-9a-f]{8}|[0-9a-f]{16})");
  /** muldiv.c's multiply-accumulate start value. */
  private static final long ACCUMULATOR = 0x0123456789abcdefL;

  private interface Op {
    long apply(int a, int b);
  }

  private static final Map<String, Op> OPS = Map.ofEntries(
      Map.entry("add", (a, b) -> a + b),
      Map.entry("sub", (a, b) -> a - b),
      Map.entry("and", (a, b) -> a & b),
      Map.entry("or", (a, b) -> a | b),
      Map.entry("xor", (a, b) -> a ^ b),
      Map.entry("nor", (a, b) -> ~(a | b)),
      Map.entry("lt", (a, b) -> a < b ? 1 : 0),
      Map.entry("ltu", (a, b) -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0),
      Map.entry("le", (a, b) -> a <= b ? 1 : 0),
      Map.entry("geu", (a, b) -> Integer.compareUnsigned(a, b) >= 0 ? 1 : 0),
      Map.entry("eq", (a, b) -> a == b ? 1 : 0),
      Map.entry("min", (a, b) -> Math.min(a, b)),
      Map.entry("maxu", (a, b) -> Integer.compareUnsigned(a, b) > 0 ? a : b),
      Map.entry("sel", (a, b) -> (b & 1) != 0 ? a : b),
      Map.entry("shl", (a, b) -> a << b),
      Map.entry("shr", (a, b) -> a >>> b),
      Map.entry("sar", (a, b) -> a >> b),
      Map.entry("rotl", (a, b) -> Integer.rotateLeft(a, b)),
      Map.entry("shl64", (a, b) -> shiftOperand(a) << b),
      Map.entry("shr64", (a, b) -> shiftOperand(a) >>> b),
      Map.entry("sar64", (a, b) -> shiftOperand(a) >> b),
      Map.entry("mul", (a, b) -> a * b),
      Map.entry("smul64", (a, b) -> (long) a * b),
      Map.entry("umul64", (a, b) -> Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)),
      Map.entry("smac64", (a, b) -> ACCUMULATOR + (long) a * b),
      Map.entry("umac64", (a, b) -> ACCUMULATOR + Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)),
      Map.entry("smsub64", (a, b) -> ACCUMULATOR - (long) a * b),
      Map.entry("umsub64", (a, b) -> ACCUMULATOR - Integer.toUnsignedLong(a) * Integer.toUnsignedLong(b)),
      Map.entry("div", (a, b) -> a / b),
      Map.entry("rem", (a, b) -> a % b),
      Map.entry("divu", (a, b) -> Integer.divideUnsigned(a, b)),
      Map.entry("remu", (a, b) -> Integer.remainderUnsigned(a, b)));

  private OpLineOracle() {}

  /** shifts.c shifts the 64-bit value a:(a ^ 0x0f0f0f0f). */
  private static long shiftOperand(int a) {
    return ((long) a << 32) | Integer.toUnsignedLong(a ^ 0x0f0f0f0f);
  }

  /**
   * Checks every op line of {@code stdout} and returns how many there were; every other line must be one of
   * {@code otherLines}.
   */
  static int verify(String stdout, String... otherLines) {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (String line : stdout.split("\n")) {
      if (List.of(otherLines).contains(line)) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "unexpected line: " + line);
      Op op = OPS.get(m.group(1));
      assertTrue(op != null, "unknown operation: " + line);
      int a = Integer.parseUnsignedInt(m.group(2), 16);
      int b = Integer.parseUnsignedInt(m.group(3), 16);
      String printed = m.group(4);
      long want = op.apply(a, b);
      String expected = printed.length() == 8 ? String.format("%08x", (int) want) : String.format("%016x", want);
      if (!expected.equals(printed) && wrong.size() < 20) {
        wrong.add(line + "   (expected 0x" + expected + ")");
      }
      checked++;
    }
    assertEquals(List.of(), wrong, "wrong results");
    return checked;
  }
}
