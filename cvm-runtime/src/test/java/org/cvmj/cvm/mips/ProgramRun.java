package org.cvmj.cvm.mips;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a test program produced, in qemu-mips or in the VM; {@code steps} is -1 for qemu.
 * Output is compared as bytes; {@link #out()} shows it as text (ISO-8859-1, so every byte is one char).
 */
record ProgramRun(byte[] stdout, byte[] stderr, int exitCode, long steps) {
  /** Enough for every test program at -O0 (the largest needs a few million). */
  static final long MAX_STEPS = 2_000_000_000L;

  String out() {
    return new String(stdout, StandardCharsets.ISO_8859_1);
  }

  String err() {
    return new String(stderr, StandardCharsets.ISO_8859_1);
  }

  /** Boots {@code elf} in the VM with argv {@code [elf, args...]}, like qemu-mips, and runs it to its exit. */
  static ProgramRun vm(Path elf, List<String> args, byte[] stdin) throws Exception {
    Machine m = boot(elf, args, stdin);
    m.run(MAX_STEPS);
    if (!m.exited()) {
      throw new AssertionError(elf.getFileName() + " did not exit within " + MAX_STEPS + " steps");
    }
    return new ProgramRun(m.stdout(), m.stderr(), m.exitCode(), m.steps());
  }

  static Machine boot(Path elf, List<String> args, byte[] stdin) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(elf.toString());
    argv.addAll(args);
    Machine m = Machine.boot(ElfProgram.parse(Files.readAllBytes(elf)), argv);
    m.setStdin(stdin);
    return m;
  }
}
