package org.cvmj.cvm.mips.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed guest ELF is what its sources build to, and uses only instructions the VM executes. */
class GuestElfTest {
  private static final String CROSS = "mips-linux-gnu-gcc";

  /** MIPS32 mnemonics (as objdump prints them) that the fault-proof VM implements (mips-fault-proof.md §3). */
  private static final Set<String> VM_MNEMONICS = Set.of("addi", "addiu", "addu", "and", "andi", "b", "beq",
      "beqz", "bgez", "bgtz", "blez", "bltz", "bne", "bnez", "clz", "clo", "div", "divu", "j", "jal", "jalr",
      "jr", "lb", "lbu", "lh", "lhu", "li", "lui", "lw", "lwl", "lwr", "madd", "maddu", "mfhi", "mflo", "move", "movn", "movz",
      "msub", "msubu", "mthi", "mtlo", "mul", "mult", "multu", "negu", "nop", "nor", "not", "or", "ori", "sb", "sh", "sll",
      "sllv", "slt", "slti", "sltiu", "sltu", "sra", "srav", "srl", "srlv", "sub", "subu", "sw", "swl", "swr",
      "sync", "syscall", "xor", "xori");

  @Test
  void committedElfIsAnExactRebuild(@TempDir Path dir) throws Exception {
    assumeTrue(GuestBuild.onPath(CROSS), "SKIPPED: " + CROSS
        + " not found; install Debian gcc-mips-linux-gnu to check the committed guest ELF");
    Path elf = dir.resolve("cvm-guest.elf");
    GuestBuild.build("mips", elf);
    assertArrayEquals(Files.readAllBytes(elf), GuestProgram.elf(),
        "the committed guest ELF is stale: run src/main/c/guest/build.sh mips "
            + "src/main/resources/org/cvmj/cvm/mips/guest/cvm-guest.elf and commit it");
  }

  @Test
  void elfIsABigEndianMips32Executable() {
    byte[] elf = GuestProgram.elf();
    assertEquals(0x7F, elf[0]);
    assertEquals('E', elf[1]);
    assertEquals(1, elf[4], "ELFCLASS32");
    assertEquals(2, elf[5], "ELFDATA2MSB");
    assertEquals(8, elf[18] << 8 | elf[19], "EM_MIPS");
    int flags = (elf[36] & 0xFF) << 24 | (elf[37] & 0xFF) << 16 | (elf[38] & 0xFF) << 8 | (elf[39] & 0xFF);
    assertEquals(0x5000_1001, flags, "noreorder, o32, mips32");
  }

  @Test
  void elfUsesOnlyInstructionsTheVmImplements(@TempDir Path dir) throws Exception {
    String objdump = "mips-linux-gnu-objdump";
    assumeTrue(GuestBuild.onPath(objdump), "SKIPPED: " + objdump + " not found (Debian binutils-mips-linux-gnu)");
    Path elf = Files.write(dir.resolve("guest.elf"), GuestProgram.elf());
    Process p = new ProcessBuilder(objdump, "-d", "--no-show-raw-insn", elf.toString()).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "objdump failed");
    Set<String> unsupported = new TreeSet<>();
    int instructions = 0;
    for (String line : listing.split("\n")) {
      String[] cols = line.split("\t");
      // Instruction lines: "  addr:\tmnemonic\toperands".
      if (cols.length >= 2 && cols[0].trim().endsWith(":") && !cols[1].isBlank()) {
        instructions++;
        String m = cols[1].trim();
        if (!VM_MNEMONICS.contains(m)) {
          unsupported.add(m);
        }
      }
    }
    assertTrue(instructions > 1000, "objdump listed " + instructions + " instructions");
    assertTrue(unsupported.isEmpty(), "instructions the VM does not implement: " + unsupported);
  }

}
