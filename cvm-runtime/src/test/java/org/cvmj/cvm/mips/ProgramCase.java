package org.cvmj.cvm.mips;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One way of running a test program: which source, at which optimisation level, with which argv and stdin. */
record ProgramCase(String program, String opt, List<String> args, byte[] stdin) {
  /** The C programs; each is built at -O2 and at -O0, which select rather different instructions. */
  static final List<String> C_PROGRAMS = List.of("arith", "shifts", "muldiv", "unaligned", "recursion", "sha256",
      "sort", "strings", "args");

  /** 5000 fixed pseudo-random bytes for the programs that read stdin. */
  static byte[] sampleInput() {
    byte[] b = new byte[5000];
    new SplittableRandom(20240611).nextBytes(b);
    return b;
  }

  /** ASCII only: a JVM in the C locale would hand qemu '?' for other characters. */
  static List<String> argsFor(String program) {
    return program.equals("args") ? List.of("42", "hello world", "", "-x") : List.of();
  }

  static List<ProgramCase> all() {
    List<ProgramCase> cases = new ArrayList<>();
    for (String opt : List.of("-O2", "-O0")) {
      for (String p : C_PROGRAMS) {
        cases.add(new ProgramCase(p, opt, argsFor(p), p.equals("sha256") ? sampleInput() : new byte[0]));
      }
    }
    cases.add(new ProgramCase("insns", "-O2", List.of(), new byte[0]));
    return cases;
  }

  @Override
  public String toString() {
    return program + " " + opt + (args.isEmpty() ? "" : " " + args) + (stdin.length == 0 ? "" : " <" + stdin.length
        + " bytes");
  }
}
