package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every test program, compiled by the real cross compiler, gives byte-identical output and the same exit
 * status in the VM as in qemu-mips. (What the output should be is asserted in {@link ProgramOutputTest}.)
 */
class QemuDifferentialTest {
  static List<ProgramCase> cases() {
    return ProgramCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vmAgreesWithQemu(ProgramCase c) throws Exception {
    Path elf = CrossTools.build(c.program(), c.opt());
    ProgramRun reference = CrossTools.qemu(elf, c.args(), c.stdin());
    ProgramRun vm = ProgramRun.vm(elf, c.args(), c.stdin());
    assertEquals("", reference.err(), "qemu-mips stderr");
    assertEquals(reference.exitCode(), vm.exitCode(), "exit status; VM output:\n" + tail(vm.out()));
    assertEquals(reference.out(), vm.out(), "stdout");
    assertEquals(reference.err(), vm.err(), "stderr");
  }

  private static String tail(String s) {
    return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
  }
}
