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
import org.cvmj.cvm.mips.ElfWriter;
import org.cvmj.cvm.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed guest on a real MIPS32 core: the VM's initial memory image (guest, plan, input, output
 * region) written as one ELF and run by Debian's qemu-mips with a MIPS32R1 CPU (4Kc); the guest echoes its
 * output to stdout. Three executions must agree: qemu, the VM and the Java runtime.
 */
class QemuGuestTest {

  private static byte[] runQemu(Path dir, Model model, byte[] input) throws Exception {
    Path elf = dir.resolve("image.elf");
    Files.write(elf, ElfWriter.write(GuestInference.image(model, input)));
    elf.toFile().setExecutable(true);
    Process p = new ProcessBuilder("qemu-mips", "-cpu", "4Kc", elf.toString()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(5, TimeUnit.MINUTES), "qemu-mips did not finish");
    assertEquals(0, p.exitValue(), () -> "guest failed under qemu-mips: " + err);
    return out;
  }

  private static void assertAgrees(Path dir, Model model, byte[] input) throws Exception {
    InferenceCodec codec = InferenceCodec.reference(model.graph());
    byte[] expected;
    try (Executor ex = new Executor(model, 1)) {
      expected = codec.encodeOutput(ex.run(codec.decodeInput(input)));
    }
    assertArrayEquals(expected, runQemu(dir, model, input), "qemu-mips");
    assertArrayEquals(expected, GuestInference.run(model, input, GuestInference.DEFAULT_MAX_STEPS).output(), "VM");
  }

  private static void requireQemu() {
    assumeTrue(GuestBuild.onPath("qemu-mips"), "SKIPPED: qemu-mips not found (Debian qemu-user)");
  }

  @Test
  void demoAndAMixedModelAgreeUnderQemuTheVmAndJava(@TempDir Path dir) throws Exception {
    requireQemu();
    DemoModel.Files demo = DemoModel.embedded();
    assertAgrees(dir, Model.load(demo.symbol(), demo.params()), demo.input());
    TestNet n = new TestNet(80);
    var x = n.input(8, 2, 3, 7, 6);
    var w = n.param(8, 127, 5, 3, 3, 3);
    var y = n.op("conv2d", TestNet.a("channels", "5", "kernel_size", "(3, 3)", "padding", "(1, 1)",
        "use_bias", "False"), x, w);
    var z = n.op("broadcast_div", n.op("max", TestNet.a("axis", "(1,)"), y), n.param(8, 2, 7, 1));
    Model model = n.model(z);
    assertAgrees(dir, model, n.randomInput(model));
  }

  @Test
  void resnet20UnderQemuAndTheVmGivesTheExpectedOutput(@TempDir Path dir) throws Exception {
    Path fixture = Fixtures.resnet20();
    requireQemu();
    Model model = Model.load(fixture);
    byte[] input = Files.readAllBytes(fixture.resolve("input.bin"));
    byte[] expected = Files.readAllBytes(fixture.resolve("expected_output.bin"));
    assertArrayEquals(expected, runQemu(dir, model, input), "qemu-mips");
    assertArrayEquals(expected, GuestInference.run(model, input, GuestInference.DEFAULT_MAX_STEPS).output(), "VM");
  }
}
