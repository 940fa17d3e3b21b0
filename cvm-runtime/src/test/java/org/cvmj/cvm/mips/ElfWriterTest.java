package org.cvmj.cvm.mips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElfWriterTest {
  @Test
  void writtenProgramsReadBackUnchanged() throws MipsException {
    byte[] code = {0x24, 0x04, 0x00, 0x07, 0x24, 0x02, 0x10, (byte) 0x96, 0x00, 0x00, 0x00, 0x0c}; // exit_group(7)
    ElfProgram p = new ElfProgram(0x00400000, List.of(
        new ElfProgram.Segment(0x00400000, code, code.length, ElfProgram.FLAG_READ | ElfProgram.FLAG_EXECUTE),
        new ElfProgram.Segment(0x00410123, new byte[] {1, 2, 3}, 5000, ElfProgram.FLAG_READ | ElfProgram.FLAG_WRITE),
        new ElfProgram.Segment(0x10000000, new byte[0], 64, ElfProgram.FLAG_READ)));
    byte[] elf = ElfWriter.write(p);
    assertEquals(p, ElfProgram.parse(elf));
    Machine m = Machine.boot(ElfProgram.parse(elf), List.of("x"));
    m.run(10);
    assertTrue(m.exited());
    assertEquals(7, m.exitCode());
  }

  @Test
  void bootRefusesSegmentsOverSpecialRegions() {
    for (int addr : new int[] {Layout.HEAP_START, Layout.RESERVED_START + 8, Layout.STACK_LIMIT, 0x80000000}) {
      ElfProgram p = new ElfProgram(0x00400000, List.of(
          new ElfProgram.Segment(0x00400000, new byte[4], 4, ElfProgram.FLAG_EXECUTE),
          new ElfProgram.Segment(addr, new byte[4], 4, ElfProgram.FLAG_READ)));
      MipsException e = assertThrows(MipsException.class, () -> Machine.boot(p, List.of("x")));
      assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    }
  }
}
