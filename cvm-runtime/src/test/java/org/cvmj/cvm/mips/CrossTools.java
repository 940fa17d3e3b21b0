package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Debian cross tools the MIPS tests use: {@code mips-linux-gnu-gcc} builds the programs in
 * {@code src/test/c/mips} and {@code qemu-mips} is the reference MIPS32 implementation. A test that needs a
 * missing tool is skipped with the reason in the report ("SKIPPED: ..."); CI installs both.
 */
public final class CrossTools {
  static final String GCC = "mips-linux-gnu-gcc";
  static final String QEMU = "qemu-mips";
  /** The flags of src/test/c/mips/README.md, minus the optimisation level. */
  static final List<String> FLAGS = List.of("-march=mips32", "-mabi=32", "-EB", "-mno-abicalls", "-fno-pic", "-G0",
      "-msoft-float", "-ffreestanding", "-fno-builtin", "-nostdlib", "-static", "-Wall", "-Wextra",
      "-Wl,--build-id=none", "-Wl,-e,_start");
  /** Linked into every program. */
  static final List<String> RUNTIME = List.of("start.S", "io.c", "mem.c", "values.c");

  private static final Map<String, Path> BUILT = new HashMap<>();

  private CrossTools() {}

  /** The test program sources; the tests run in the module directory, or in the repository root. */
  static Path sources() {
    for (Path p : List.of(Path.of("src/test/c/mips"), Path.of("cvm-runtime/src/test/c/mips"))) {
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalStateException("src/test/c/mips not found from " + Path.of("").toAbsolutePath());
  }

  static Path gcc() {
    return require(GCC, "apt-get install gcc-mips-linux-gnu");
  }

  static Path qemu() {
    return require(QEMU, "apt-get install qemu-user");
  }

  private static Path require(String tool, String install) {
    Path found = onPath(tool);
    assumeTrue(found != null, "SKIPPED: " + tool + " not found on PATH (" + install + ")");
    return found;
  }

  private static Path onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Builds {@code program} ({@code NAME.c} or {@code NAME.S}) with the runtime at optimisation level {@code opt}
   * (e.g. "-O2") into {@code target/mips-programs}, once per test run.
   */
  public static synchronized Path build(String program, String opt) throws IOException, InterruptedException {
    String key = program + opt;
    Path elf = BUILT.get(key);
    if (elf != null) {
      return elf;
    }
    Path gcc = gcc();
    Path src = sources();
    Path main = Files.exists(src.resolve(program + ".c")) ? src.resolve(program + ".c") : src.resolve(program + ".S");
    assertTrue(Files.exists(main), "no test program " + program + " in " + src);
    Path out = Path.of("target", "mips-programs", opt.replace("-", "")).toAbsolutePath();
    Files.createDirectories(out);
    elf = out.resolve(program + ".elf");
    List<String> cmd = new ArrayList<>(List.of(gcc.toString()));
    cmd.addAll(FLAGS);
    cmd.add(opt);
    cmd.addAll(List.of("-o", elf.toString()));
    RUNTIME.forEach(f -> cmd.add(src.resolve(f).toString()));
    cmd.add(main.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "compiling " + program + " failed:\n" + String.join(" ", cmd) + "\n" + log);
    BUILT.put(key, elf);
    return elf;
  }

  /**
   * Runs {@code elf} under qemu-mips as a MIPS32 4Kc (a release 1 core, so an instruction newer than the
   * VM's set fails here too) with an empty environment; argv[0] is the ELF's path.
   */
  static ProgramRun qemu(Path elf, List<String> args, byte[] stdin) throws IOException, InterruptedException {
    Path qemu = qemu();
    Path dir = Files.createTempDirectory("cvmj-qemu");
    try {
      Path in = Files.write(dir.resolve("stdin"), stdin);
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      List<String> cmd = new ArrayList<>(List.of(qemu.toString(), "-cpu", "4Kc", elf.toString()));
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(in.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      pb.environment().clear();
      Process p = pb.start();
      // Not a timing assertion: only a guard so that a hung guest fails the test instead of the build.
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("qemu-mips did not finish: " + cmd);
      }
      return new ProgramRun(Files.readAllBytes(out), Files.readAllBytes(err), p.exitValue(), -1);
    } finally {
      for (String f : new String[] {"stdin", "stdout", "stderr"}) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.deleteIfExists(dir);
    }
  }
}
