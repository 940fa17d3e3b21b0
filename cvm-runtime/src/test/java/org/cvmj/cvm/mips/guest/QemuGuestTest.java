package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cvmj.cvm.Fixtures;
import org.cvmj.cvm.demo.DemoModel;
import org.cvmj.cvm.exec.Executor;
import org.cvmj.cvm.exec.InferenceCodec;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-compiled kernels on a real MIPS32 core: the qemu build (same code and flags as the VM build,
 * file I/O instead of fixed addresses) under Debian's qemu-mips with a MIPS32R1 CPU (4Kc).
 */
class QemuGuestTest {

  private static byte[] runQemu(Path dir, Path elf, byte[] plan, byte[] input) throws Exception {
    Files.write(dir.resolve("plan"), plan);
    Files.write(dir.resolve("input"), input);
    Process p = new ProcessBuilder("qemu-mips", "-cpu", "4Kc", elf.toString()).directory(dir.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(5, TimeUnit.MINUTES), "qemu-mips did not finish");
    assertEquals(0, p.exitValue(), () -> "guest failed under qemu-mips: " + err);
    return out;
  }

  private static void assertAgrees(Path dir, Path elf, Model model, byte[] input) throws Exception {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    byte[] expected;
    try (Executor ex = new Executor(model, 1)) {
      expected = codec.encodeOutput(ex.run(codec.decodeInput(input)));
    }
    assertArrayEquals(expected, runQemu(dir, elf, ModelPlan.encode(model), input));
  }

  @Test
  void mipsBuildMatchesTheJavaRuntime(@TempDir Path dir) throws Exception {
    assumeTrue(GuestBuild.onPath("mips-linux-gnu-gcc") && GuestBuild.onPath("qemu-mips"),
        "SKIPPED: mips-linux-gnu-gcc or qemu-mips not found (Debian gcc-mips-linux-gnu, qemu-user)");
    Path elf = dir.resolve("cvm-guest-qemu.elf");
    GuestBuild.build("qemu", elf);
    DemoModel.Files demo = DemoModel.embedded();
    assertAgrees(dir, elf, Model.load(demo.symbol(), demo.params()), demo.input());
    TestNet n = new TestNet(80);
    var x = n.input(8, 2, 3, 7, 6);
    var w = n.param(8, 127, 5, 3, 3, 3);
    var y = n.op("conv2d", TestNet.a("channels", "5", "kernel_size", "(3, 3)", "padding", "(1, 1)",
        "use_bias", "False"), x, w);
    var z = n.op("broadcast_div", n.op("max", TestNet.a("axis", "(1,)"), y), n.param(8, 2, 7, 1));
    Model model = n.model(z);
    assertAgrees(dir, elf, model, n.randomInput(model));
  }

  @Test
  void resnet20UnderQemuGivesTheExpectedOutput(@TempDir Path dir) throws Exception {
    Path fixture = Fixtures.resnet20();
    assumeTrue(GuestBuild.onPath("mips-linux-gnu-gcc") && GuestBuild.onPath("qemu-mips"),
        "SKIPPED: mips-linux-gnu-gcc or qemu-mips not found (Debian gcc-mips-linux-gnu, qemu-user)");
    Path elf = dir.resolve("cvm-guest-qemu.elf");
    GuestBuild.build("qemu", elf);
    byte[] out = runQemu(dir, elf, ModelPlan.encode(Model.load(fixture)),
        Files.readAllBytes(fixture.resolve("input.bin")));
    assertArrayEquals(Files.readAllBytes(fixture.resolve("expected_output.bin")), out);
  }
}
