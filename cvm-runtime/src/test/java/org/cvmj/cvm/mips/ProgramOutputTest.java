package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test programs run in the VM print what they should: every value is recomputed here in Java, so a bug
 * shared by the VM and qemu, or a program that prints nothing useful, still fails.
 */
class ProgramOutputTest {
  private static ProgramRun run(String program, String opt) throws Exception {
    return run(program, opt, ProgramCase.argsFor(program), new byte[0]);
  }

  private static ProgramRun run(String program, String opt, List<String> args, byte[] stdin) throws Exception {
    return ProgramRun.vm(CrossTools.build(program, opt), args, stdin);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void arithmetic(String opt) throws Exception {
    ProgramRun r = run("arith", opt);
    assertEquals(0, r.exitCode());
    // 21 operands: 14 operations on every pair, 14 immediate forms on each.
    assertEquals(21 * 21 * 14 + 21 * 14, OpLineOracle.verify(r.out(), "arith done"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void shifts(String opt) throws Exception {
    ProgramRun r = run("shifts", opt);
    assertEquals(0, r.exitCode());
    // Per operand: 32 constant amounts x 3, 32 register amounts x 4, 13 64-bit amounts x 3.
    assertEquals(21 * (96 + 128 + 39), OpLineOracle.verify(r.out(), "shifts done"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void multiplyAndDivide(String opt) throws Exception {
    ProgramRun r = run("muldiv", opt);
    assertEquals(0, r.exitCode());
    // Per operand: 7 products with each of 21 operands, 4 quotients with each of 13 divisors, 13 constants.
    assertEquals(21 * (21 * 7 + 13 * 4 + 13), OpLineOracle.verify(r.out(), "muldiv done"));
    assertTrue(r.out().contains("div 0x80000000 0xffffffff = 0x80000000\n"), "INT_MIN / -1");
    assertTrue(r.out().contains("rem 0x80000000 0xffffffff = 0x00000000\n"), "INT_MIN % -1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void unalignedAccess(String opt) throws Exception {
    ProgramRun r = run("unaligned", opt);
    assertEquals(0, r.exitCode(), r.out());
    byte[] buf = new byte[64];
    for (int i = 0; i < buf.length; i++) {
      buf[i] = (byte) (i * 37 + 11);
    }
    StringBuilder want = new StringBuilder();
    for (int off = 0; off < 8; off++) {
      int word = java.nio.ByteBuffer.wrap(buf, off, 4).getInt();
      int half = ((buf[off] & 0xff) << 8) | (buf[off + 1] & 0xff);
      want.append(String.format("load32 %d = 0x%08x%nload16u %d = 0x%08x%nload16s %d = 0x%08x%n", off, word, off,
          half, off, (int) (short) half));
    }
    for (int off = 0; off < 8; off++) {
      byte[] w = new byte[12];
      System.arraycopy(new byte[] {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4}, 0, w, off, 4);
      byte[] h = new byte[12];
      System.arraycopy(new byte[] {(byte) 0xe5, (byte) 0xf6}, 0, h, off, 2);
      want.append("store32 ").append(off).append(" = ").append(HexFormat.of().formatHex(w)).append('\n');
      want.append("store16 ").append(off).append(" = ").append(HexFormat.of().formatHex(h)).append('\n');
    }
    for (int off = 0; off < 4; off++) {
      java.nio.ByteBuffer rec = java.nio.ByteBuffer.allocate(12);
      rec.put((byte) 0x5a).putInt(0x01020304 * (off + 1)).putShort((short) (-2 - off)).put((byte) 0xa5)
          .putInt(-100000 * (off + 1));
      want.append("record ").append(off).append(" = ").append(HexFormat.of().formatHex(rec.array())).append('\n');
    }
    for (int src = 0; src < 4; src++) {
      for (int dst = 0; dst < 4; dst++) {
        want.append("copy ").append(src).append(' ').append(dst).append(" = ok\n");
      }
    }
    want.append("unaligned failures 0\n");
    assertEquals(want.toString(), r.out().replace("\r", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void recursion(String opt) throws Exception {
    ProgramRun r = run("recursion", opt);
    assertEquals(0, r.exitCode());
    StringBuilder want = new StringBuilder();
    long[] fib = new long[25];
    for (int n = 0; n <= 24; n++) {
      fib[n] = n < 2 ? n : fib[n - 1] + fib[n - 2];
      want.append("fib ").append(n).append(" 0 = ").append(fib[n]).append('\n');
    }
    for (int m = 0; m <= 3; m++) {
      for (int n = 0; n <= 4; n++) {
        want.append("ackermann ").append(m).append(' ').append(n).append(" = ").append(ackermann(m, n)).append('\n');
      }
    }
    int[] hanoi = {0, 0}; // moves, checksum
    hanoi(12, 1, 3, 2, hanoi);
    want.append("hanoi 12 0 = ").append(hanoi[0]).append('\n');
    want.append("hanoi-checksum 12 0 = ").append(Integer.toUnsignedString(hanoi[1])).append('\n');
    want.append("even 5001 0 = 0\neven 4000 0 = 1\n");
    want.append("gcd 1067787 460614 = ").append(gcd(1067787, 460614)).append('\n');
    want.append("gcd 832040 514229 = 1\n");
    assertEquals(4095, hanoi[0]);
    assertEquals(want.toString(), r.out());
  }

  private static int ackermann(int m, int n) {
    return m == 0 ? n + 1 : n == 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
  }

  private static void hanoi(int n, int from, int to, int via, int[] acc) {
    if (n == 0) {
      return;
    }
    hanoi(n - 1, from, via, to, acc);
    acc[0]++;
    acc[1] = acc[1] * 31 + from * 3 + to;
    hanoi(n - 1, via, to, from, acc);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void sha256OfFixedMessagesAndStdin(String opt) throws Exception {
    byte[] input = ProgramCase.sampleInput();
    ProgramRun r = run("sha256", opt, List.of(), input);
    assertEquals(0, r.exitCode());
    byte[] pattern = new byte[1000];
    for (int i = 0; i < pattern.length; i++) {
      pattern[i] = (byte) (i * 7 + (i >> 3));
    }
    String twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    String want = digestLine("empty", new byte[0]) + digestLine("abc", "abc".getBytes(StandardCharsets.US_ASCII))
        + digestLine("two-blocks", twoBlocks.getBytes(StandardCharsets.US_ASCII)) + digestLine("pattern", pattern)
        + digestLine("stdin", input);
    assertEquals(want, r.out());
    // The FIPS 180-4 example, so that the Java side is anchored too.
    assertTrue(r.out().contains("sha256 abc 3 = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"));
  }

  private static String digestLine(String name, byte[] data) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
    return "sha256 " + name + " " + data.length + " = " + HexFormat.of().formatHex(d) + "\n";
  }

  @Test
  void sha256OfEmptyStdin() throws Exception {
    ProgramRun r = run("sha256", "-O2", List.of(), new byte[0]);
    assertTrue(r.out().endsWith(
        "sha256 stdin 0 = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void sorting(String opt) throws Exception {
    ProgramRun r = run("sort", opt);
    assertEquals(0, r.exitCode());
    int[] data = new int[2000];
    int x = 2024;
    for (int i = 0; i < data.length; i++) {
      x = x * 1103515245 + 12345;
      data[i] = x >> 3;
    }
    Arrays.sort(data);
    int checksum = 0;
    for (int v : data) {
      checksum = checksum * 31 + v;
    }
    List<String> words = new ArrayList<>(List.of("mips", "delay", "slot", "branch", "Merkle", "keccak", "step",
        "big-endian", "", "zero", "lwl", "lwr", "a", "ab", "abc", "Ab"));
    words.sort(null); // ASCII, so String order is the program's unsigned byte order
    StringBuilder w = new StringBuilder();
    words.forEach(s -> w.append('[').append(s).append(']'));
    assertEquals(String.format("quicksort 2000 sorted=1 checksum=0x%08x%nfirst %d last %d%n%s%n", checksum, data[0],
        data[data.length - 1], w), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void strings(String opt) throws Exception {
    ProgramRun r = run("strings", opt);
    assertEquals(0, r.exitCode());
    assertEquals("""
        fault proof
        length 11
        compare -1 1 0 -1
        find 6 -1
        foorp tluaf
        FOORP TLUAF
        parse -2147483648 987654321
        words 4
        """, r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void argumentsAndExitStatus(String opt) throws Exception {
    ProgramRun r = run("args", opt);
    assertEquals(42, r.exitCode());
    assertEquals("argc 5\nargv[1] 2 42\nargv[2] 11 hello world\nargv[3] 0 \nargv[4] 2 -x\n", r.out());
    String unicode = "\u00fcnicode \u2713";
    ProgramRun u = run("args", opt, List.of("255", unicode), new byte[0]);
    assertEquals(255, u.exitCode());
    int unicodeBytes = unicode.getBytes(StandardCharsets.UTF_8).length; // argv strings are UTF-8
    assertEquals("argc 3\nargv[1] 3 255\nargv[2] " + unicodeBytes + " " + unicode + "\n",
        new String(u.stdout(), StandardCharsets.UTF_8));
    assertEquals(3, run("args", opt, List.of(), new byte[0]).exitCode());
  }

  @Test
  void everyInstructionCheckPasses() throws Exception {
    ProgramRun r = run("insns", "-O2");
    assertFalse(r.out().contains("FAIL"), r.out());
    assertTrue(r.out().endsWith("checks 177 failures 0\n"), r.out());
    assertEquals(0, r.exitCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-O2", "-O0"})
  void divisionByZeroStopsTheMachine(String opt) throws Exception {
    java.nio.file.Path elf = CrossTools.build("divzero", opt);
    MipsException e = assertThrows(MipsException.class, () -> ProgramRun.vm(elf, List.of(), new byte[0]));
    assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
    assertEquals(100, ProgramRun.vm(elf, List.of("x"), new byte[0]).exitCode());
  }

  @Test
  void takenTrapStopsTheMachine() throws Exception {
    java.nio.file.Path elf = CrossTools.build("trap", "-O2");
    MipsException e = assertThrows(MipsException.class, () -> ProgramRun.vm(elf, List.of(), new byte[0]));
    // The message names the instruction: teq $zero, $zero encodes as 0x00000034.
    assertTrue(e.getMessage().contains("00000034"), e.getMessage());
  }
}
