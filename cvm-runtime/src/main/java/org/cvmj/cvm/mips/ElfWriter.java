package org.cvmj.cvm.mips;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The one writer of ELF files: a static big-endian MIPS32 executable holding exactly an {@link ElfProgram}
 * (entry and PT_LOAD segments, no sections). Used to hand a VM image — the CVM guest with its model and input
 * as extra segments — to another MIPS implementation such as qemu-mips.
 */
public final class ElfWriter {
  private static final int EHDR_SIZE = 52;
  private static final int PHDR_SIZE = 32;
  private static final int SHDR_SIZE = 40;
  private static final int PAGE = 4096;
  /** EF_MIPS_ARCH_32 | EF_MIPS_ABI_O32 | EF_MIPS_NOREORDER, as gcc -march=mips32 -mabi=32 marks its output. */
  private static final int FLAGS = 0x50001001;

  private ElfWriter() {}

  public static byte[] write(ElfProgram program) {
    List<ElfProgram.Segment> segments = program.segments();
    // each segment's file offset is congruent to its address modulo the page size, as loaders map pages
    long[] offsets = new long[segments.size()];
    long end = EHDR_SIZE + (long) PHDR_SIZE * segments.size();
    for (int i = 0; i < segments.size(); i++) {
      ElfProgram.Segment s = segments.get(i);
      long at = (end + PAGE - 1) / PAGE * PAGE + (s.vaddr() & (PAGE - 1));
      if (at - PAGE >= end) {
        at -= PAGE;
      }
      offsets[i] = at;
      end = at + s.data().length;
    }
    if (end > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the program's segments total " + end + " bytes, beyond an ELF32 file");
    }
    ByteBuffer b = ByteBuffer.allocate((int) end);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    b.putShort((short) 2).putShort((short) 8).putInt(1).putInt(program.entry()).putInt(EHDR_SIZE).putInt(0);
    b.putInt(FLAGS).putShort((short) EHDR_SIZE).putShort((short) PHDR_SIZE).putShort((short) segments.size());
    // no sections; e_shentsize still holds the ELF32 section header size, as readers expect
    b.putShort((short) SHDR_SIZE).putShort((short) 0).putShort((short) 0);
    for (int i = 0; i < segments.size(); i++) {
      ElfProgram.Segment s = segments.get(i);
      b.putInt(1).putInt((int) offsets[i]).putInt(s.vaddr()).putInt(s.vaddr()).putInt(s.data().length)
          .putInt(s.memSize()).putInt(s.flags()).putInt(PAGE);
    }
    for (int i = 0; i < segments.size(); i++) {
      b.position((int) offsets[i]);
      b.put(segments.get(i).data());
    }
    return b.array();
  }
}
