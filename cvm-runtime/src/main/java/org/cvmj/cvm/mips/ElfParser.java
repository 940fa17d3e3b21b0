package org.cvmj.cvm.mips;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one reader of ELF files for the VM. It accepts exactly what the VM can run — a 32-bit, big-endian,
 * statically linked MIPS executable — and rejects everything else with the field and byte offset at fault,
 * because a loader that guesses turns a bad build into a wrong state hash much later.
 */
final class ElfParser {
  private static final int EHDR_SIZE = 52;
  private static final int PHDR_SIZE = 32;
  private static final int SHDR_SIZE = 40;
  private static final int ET_EXEC = 2;
  private static final int ET_DYN = 3;
  private static final int EM_MIPS = 8;
  private static final int PT_LOAD = 1;
  private static final int PT_DYNAMIC = 2;
  private static final int PT_INTERP = 3;
  private static final String STATIC_HINT =
      "the VM runs static executables only: link with -static -fno-pic -mno-abicalls";

  private final byte[] b;

  private ElfParser(byte[] bytes) {
    this.b = bytes;
  }

  static ElfProgram parse(byte[] bytes) throws MipsException {
    return new ElfParser(bytes).program();
  }

  private ElfProgram program() throws MipsException {
    checkIdent();
    checkHeader();
    int entry = (int) u32(24);
    List<Numbered> loads = programHeaders();
    checkDisjoint(loads);
    boolean entryIsCode = loads.stream().anyMatch(l -> l.segment.executable() && l.segment.contains(entry));
    if (!entryIsCode) {
      throw error(String.format("e_entry (byte 24) is 0x%08x, which is not inside an executable PT_LOAD segment",
          entry));
    }
    return new ElfProgram(entry, loads.stream().map(Numbered::segment).toList());
  }

  private void checkIdent() throws MipsException {
    if (b.length < 4 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
      throw error("not an ELF file: bytes 0-3 are " + hex(Arrays.copyOf(b, Math.min(4, b.length)))
          + ", expected 7f 45 4c 46 (\\x7fELF)");
    }
    if (b.length < EHDR_SIZE) {
      throw error("the file is " + b.length + " bytes, shorter than the " + EHDR_SIZE + "-byte ELF32 header");
    }
    expect(4, b[4], 1, "e_ident[EI_CLASS]", "ELFCLASS32: the VM runs 32-bit programs");
    expect(5, b[5], 2, "e_ident[EI_DATA]", "ELFDATA2MSB: the VM is big-endian; build with -EB");
    expect(6, b[6], 1, "e_ident[EI_VERSION]", "EV_CURRENT");
  }

  private void checkHeader() throws MipsException {
    int type = u16(16);
    if (type == ET_DYN) {
      throw error("e_type (byte 16) is 3 (ET_DYN, a position-independent or shared object); " + STATIC_HINT);
    }
    expect(16, type, ET_EXEC, "e_type", "ET_EXEC, an executable");
    expect(18, u16(18), EM_MIPS, "e_machine", "EM_MIPS; build with mips-linux-gnu-gcc");
    expect(20, u32(20), 1, "e_version", "EV_CURRENT");
    expect(40, u16(40), EHDR_SIZE, "e_ehsize", "the ELF32 header size");
    int phnum = u16(44);
    if (phnum == 0) {
      throw error("e_phnum (byte 44) is 0: no program headers, so nothing to load");
    }
    expect(42, u16(42), PHDR_SIZE, "e_phentsize", "the ELF32 program header size");
    inside("program header table", 28, u32(28), (long) phnum * PHDR_SIZE, "e_phoff", "e_phnum");
    // Sections are not loaded, but a section table past the end means the file was cut short.
    long shoff = u32(32);
    int shnum = u16(48);
    if (shoff != 0 && shnum != 0) {
      expect(46, u16(46), SHDR_SIZE, "e_shentsize", "the ELF32 section header size");
      inside("section header table", 32, shoff, (long) shnum * SHDR_SIZE, "e_shoff", "e_shnum");
    }
  }

  private record Numbered(int index, int at, ElfProgram.Segment segment) {}

  private List<Numbered> programHeaders() throws MipsException {
    long phoff = u32(28);
    int phnum = u16(44);
    List<Numbered> loads = new ArrayList<>();
    for (int i = 0; i < phnum; i++) {
      int at = (int) (phoff + (long) i * PHDR_SIZE);
      String where = "program header " + i + " (at byte " + at + ")";
      long type = u32(at);
      if (type == PT_INTERP || type == PT_DYNAMIC) {
        throw error(where + ": p_type (byte " + at + ") is " + (type == PT_INTERP ? "PT_INTERP" : "PT_DYNAMIC")
            + ", a dynamically linked program; " + STATIC_HINT);
      }
      if (type != PT_LOAD) {
        continue;
      }
      long offset = u32(at + 4);
      long vaddr = u32(at + 8);
      long filesz = u32(at + 16);
      long memsz = u32(at + 20);
      int flags = (int) u32(at + 24);
      inside(where + " segment data", at + 4, offset, filesz, "p_offset", "p_filesz");
      if (filesz > memsz) {
        throw error(where + ": p_filesz (byte " + (at + 16) + ") is " + filesz + ", larger than p_memsz (byte "
            + (at + 20) + ") " + memsz);
      }
      if (vaddr + memsz > 1L << 32) {
        throw error(String.format("%s: p_vaddr (byte %d) 0x%08x + p_memsz (byte %d) 0x%08x wraps past the end "
            + "of the 32-bit address space", where, at + 8, vaddr, at + 20, memsz));
      }
      if (memsz > Integer.MAX_VALUE) {
        throw error(where + ": p_memsz (byte " + (at + 20) + ") is " + memsz + ", over 2 GiB");
      }
      if (memsz == 0) {
        continue;
      }
      byte[] data = Arrays.copyOfRange(b, (int) offset, (int) (offset + filesz));
      loads.add(new Numbered(i, at, new ElfProgram.Segment((int) vaddr, data, (int) memsz, flags)));
    }
    if (loads.isEmpty()) {
      throw error("no PT_LOAD program header with a non-zero p_memsz: nothing to load");
    }
    return loads;
  }

  private static void checkDisjoint(List<Numbered> loads) throws MipsException {
    List<Numbered> byAddress = new ArrayList<>(loads);
    byAddress.sort(Comparator.comparingLong(l -> Integer.toUnsignedLong(l.segment.vaddr())));
    for (int k = 1; k < byAddress.size(); k++) {
      Numbered prev = byAddress.get(k - 1);
      Numbered next = byAddress.get(k);
      if (Integer.toUnsignedLong(next.segment.vaddr()) < prev.segment.end()) {
        throw error(String.format("PT_LOAD segments overlap: program header %d (at byte %d) covers "
            + "[0x%08x, 0x%08x) and program header %d (at byte %d) starts at p_vaddr 0x%08x", prev.index, prev.at,
            prev.segment.vaddr(), prev.segment.end(), next.index, next.at, next.segment.vaddr()));
      }
    }
  }

  /** Requires {@code [offset, offset + size)} to lie inside the file. */
  private void inside(String what, int fieldAt, long offset, long size, String offsetField, String sizeField)
      throws MipsException {
    if (offset + size > b.length) {
      throw error(what + " at " + offsetField + " (byte " + fieldAt + ") " + offset + " with " + sizeField + " "
          + size + " bytes ends at byte " + (offset + size) + ", past the end of the file (" + b.length
          + " bytes)");
    }
  }

  private static void expect(int at, long found, long expected, String field, String meaning)
      throws MipsException {
    if (found != expected) {
      throw error(field + " (byte " + at + ") is " + found + "; expected " + expected + " (" + meaning + ")");
    }
  }

  private int u16(int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private long u32(int at) {
    return ((long) u16(at) << 16) | u16(at + 2);
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte x : bytes) {
      s.append(s.length() == 0 ? "" : " ").append(String.format("%02x", x & 0xff));
    }
    return s.length() == 0 ? "(empty)" : s.toString();
  }

  private static MipsException error(String detail) {
    return new MipsException("invalid ELF: " + detail);
  }
}
