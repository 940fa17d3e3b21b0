package org.cvmj.cvm.mips;

import static org.cvmj.cvm.mips.TinyElf.PH0;
import static org.cvmj.cvm.mips.TinyElf.PH1;
import static org.cvmj.cvm.mips.TinyElf.put16;
import static org.cvmj.cvm.mips.TinyElf.put32;
import static org.cvmj.cvm.mips.TinyElf.put8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ELF loader accepts static big-endian MIPS32 executables and names the field and byte of every defect. */
class ElfProgramTest {
  private static final byte[] TINY = TinyElf.valid();

  @Test
  void readsEntryAndLoadSegments() throws Exception {
    ElfProgram p = ElfProgram.parse(TINY);
    assertEquals(TinyElf.TEXT, p.entry());
    assertEquals(2, p.segments().size());
    ElfProgram.Segment text = p.segments().get(0);
    assertEquals(TinyElf.TEXT, text.vaddr());
    assertEquals(12, text.memSize());
    assertArrayEquals(Arrays.copyOfRange(TINY, TinyElf.CODE_OFFSET, TinyElf.CODE_OFFSET + 12), text.data());
    assertTrue(text.executable());
    ElfProgram.Segment data = p.segments().get(1);
    assertEquals(TinyElf.DATA, data.vaddr());
    assertArrayEquals(TinyElf.DATA_BYTES, data.data());
    assertEquals(TinyElf.DATA_MEMSZ, data.memSize());
    assertEquals(ElfProgram.FLAG_READ | ElfProgram.FLAG_WRITE, data.flags());
  }

  @Test
  void segmentsAreCopies() throws Exception {
    byte[] file = TINY.clone();
    ElfProgram p = ElfProgram.parse(file);
    file[TinyElf.DATA_OFFSET] = 99;
    p.segments().get(1).data()[0] = 99;
    assertEquals(1, p.segments().get(1).data()[0]);
  }

  @Test
  void tinyProgramRunsToItsExitStatus() throws Exception {
    Machine m = Machine.boot(ElfProgram.parse(TINY), List.of("tiny"));
    m.run(100);
    assertTrue(m.exited());
    assertEquals(7, m.exitCode());
    assertEquals(3, m.steps());
  }

  @Test
  void readsARealCrossCompiledProgram() throws Exception {
    Path elf = CrossTools.build("args", "-O2");
    ElfProgram p = ElfProgram.parse(Files.readAllBytes(elf));
    // mips-linux-gnu-ld: text R-X at 0x400000, then data/bss RW; .MIPS.abiflags, .reginfo etc. are not loaded.
    assertEquals(2, p.segments().size(), p.segments().toString());
    ElfProgram.Segment text = p.segments().get(0);
    assertEquals(0x00400000, text.vaddr());
    assertEquals(ElfProgram.FLAG_READ | ElfProgram.FLAG_EXECUTE, text.flags());
    assertTrue(text.contains(p.entry()));
    ElfProgram.Segment data = p.segments().get(1);
    assertTrue(data.memSize() > data.data().length, "io.c's line buffer is bss");
  }

  // ---- malformed files: each message names the field and its byte offset ----

  private static void rejects(byte[] elf, String... fragments) {
    MipsException e = assertThrows(MipsException.class, () -> ElfProgram.parse(elf));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message lacks '" + f + "': " + e.getMessage());
    }
  }

  @Test
  void notAnElf() {
    rejects(new byte[0], "not an ELF file", "(empty)");
    rejects("#!/bin/sh\necho hi\n".getBytes(), "not an ELF file", "bytes 0-3 are 23 21 2f 62");
  }

  @Test
  void shorterThanTheHeader() {
    rejects(Arrays.copyOf(TINY, 40), "40 bytes", "52-byte ELF32 header");
  }

  @Test
  void identification() {
    rejects(put8(TINY, 4, 2), "e_ident[EI_CLASS] (byte 4) is 2", "ELFCLASS32");
    rejects(put8(TINY, 5, 1), "e_ident[EI_DATA] (byte 5) is 1", "big-endian");
    rejects(put8(TINY, 6, 0), "e_ident[EI_VERSION] (byte 6) is 0");
  }

  @Test
  void dynamicProgramsAreRefusedWithTheLinkFlags() {
    rejects(put16(TINY, 16, 3), "e_type (byte 16) is 3 (ET_DYN", "-static -fno-pic -mno-abicalls");
    rejects(put32(TINY, PH1, 3), "program header 1 (at byte 84)", "PT_INTERP", "-static -fno-pic -mno-abicalls");
    rejects(put32(TINY, PH1, 2), "program header 1 (at byte 84)", "PT_DYNAMIC");
  }

  @Test
  void headerFields() {
    rejects(put16(TINY, 16, 1), "e_type (byte 16) is 1", "ET_EXEC");
    rejects(put16(TINY, 18, 62), "e_machine (byte 18) is 62", "EM_MIPS");
    rejects(put32(TINY, 20, 0), "e_version (byte 20) is 0");
    rejects(put16(TINY, 40, 64), "e_ehsize (byte 40) is 64");
    rejects(put16(TINY, 42, 56), "e_phentsize (byte 42) is 56");
    rejects(put16(TINY, 44, 0), "e_phnum (byte 44) is 0");
  }

  @Test
  void tablesMustLieInsideTheFile() {
    rejects(put32(TINY, 28, TinyElf.LENGTH - 40), "program header table", "e_phoff (byte 28)",
        "past the end of the file (" + TinyElf.LENGTH + " bytes)");
    rejects(put16(TINY, 44, 0xffff), "e_phoff (byte 28)", "e_phnum 2097120 bytes");
    byte[] withSections = put16(put32(TINY, 32, TinyElf.LENGTH - 10), 48, 1);
    rejects(withSections, "section header table", "e_shoff (byte 32)");
  }

  @Test
  void segmentDataMustLieInsideTheFile() {
    rejects(Arrays.copyOf(TINY, TinyElf.LENGTH - 1), "program header 1 (at byte 84)", "p_offset (byte 88)",
        "past the end of the file (" + (TinyElf.LENGTH - 1) + " bytes)");
    rejects(put32(TINY, PH0 + 4, 0xfffffff0), "program header 0 (at byte 52)", "p_offset (byte 56) 4294967280");
    rejects(put32(TINY, PH0 + 16, 0x7fffffff), "p_offset (byte 56)", "p_filesz 2147483647");
  }

  @Test
  void segmentSizes() {
    rejects(put32(TINY, PH1 + 20, 4), "program header 1 (at byte 84)", "p_filesz (byte 100) is 8",
        "larger than p_memsz (byte 104) 4");
    rejects(put32(TINY, PH1 + 8, 0xfffffff8), "p_vaddr (byte 92) 0xfffffff8", "p_memsz (byte 104) 0x00000040",
        "wraps");
    rejects(put32(put32(TINY, PH1 + 8, 0x10000000), PH1 + 20, 0x80000000), "p_memsz (byte 104)", "over 2 GiB");
  }

  @Test
  void overlappingSegments() {
    rejects(put32(TINY, PH1 + 8, TinyElf.TEXT + 8), "PT_LOAD segments overlap", "program header 0 (at byte 52)",
        "[0x00400000, 0x0040000c)", "program header 1 (at byte 84)", "0x00400008");
    // Touching is not overlapping.
    byte[] adjacent = put32(TINY, PH1 + 8, TinyElf.TEXT + 12);
    assertEquals(TinyElf.TEXT + 12, assertParses(adjacent).segments().get(1).vaddr());
  }

  @Test
  void entryMustBeExecutableCode() {
    rejects(put32(TINY, 24, TinyElf.DATA), "e_entry (byte 24) is 0x00410000", "not inside an executable");
    rejects(put32(TINY, 24, TinyElf.TEXT + 12), "e_entry (byte 24) is 0x0040000c");
    rejects(put32(TINY, PH0 + 24, ElfProgram.FLAG_READ), "e_entry (byte 24)", "executable");
  }

  @Test
  void nothingToLoad() {
    byte[] notes = put32(put32(TINY, PH0, 4), PH1, 4);
    rejects(notes, "no PT_LOAD");
    rejects(put32(put32(TINY, PH0 + 20, 0), PH0 + 16, 0), "e_entry"); // an empty text segment is skipped
  }

  /** Every prefix of a valid file, and random corruptions, fail with a MipsException or load: nothing else. */
  @Test
  void truncationsAndCorruptionsNeverEscapeAsUncheckedExceptions() throws Exception {
    byte[] real = TINY;
    for (int n = 0; n < real.length; n++) {
      byte[] prefix = Arrays.copyOf(real, n);
      assertThrows(MipsException.class, () -> ElfProgram.parse(prefix), "prefix of " + n + " bytes");
    }
    SplittableRandom random = new SplittableRandom(7);
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] bad = real.clone();
      for (int k = random.nextInt(1, 4); k > 0; k--) {
        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      }
      try {
        ElfProgram.parse(bad);
      } catch (MipsException expected) {
        rejected++;
      }
    }
    assertTrue(rejected > 1000, "corruptions rejected: " + rejected);
  }

  private static ElfProgram assertParses(byte[] elf) {
    try {
      return ElfProgram.parse(elf);
    } catch (MipsException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
