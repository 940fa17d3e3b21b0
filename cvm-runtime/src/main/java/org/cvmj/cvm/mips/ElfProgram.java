package org.cvmj.cvm.mips;

import java.util.Arrays;
import java.util.List;

/**
 * A static big-endian MIPS32 executable, reduced to what the VM loads: the entry point and the
 * {@code PT_LOAD} segments. Everything else in the ELF (sections, symbols, ABI flags) does not change a
 * single step of execution, so it is not kept.
 *
 * @param entry     {@code e_entry}, inside an executable segment
 * @param segments  the {@code PT_LOAD} segments with a non-zero size, in file order, pairwise disjoint
 */
public record ElfProgram(int entry, List<Segment> segments) {
  /** PF_X: the segment holds code. */
  public static final int FLAG_EXECUTE = 1;
  /** PF_W. */
  public static final int FLAG_WRITE = 2;
  /** PF_R. */
  public static final int FLAG_READ = 4;

  public ElfProgram {
    segments = List.copyOf(segments);
  }

  /** Reads and validates an ELF file; the exception names the offending field and its byte offset. */
  public static ElfProgram parse(byte[] bytes) throws MipsException {
    return ElfParser.parse(bytes);
  }

  /**
   * One {@code PT_LOAD}: {@code data} goes to {@code vaddr}, followed by {@code memSize - data.length} zero
   * bytes (the bss). Addresses are unsigned 32-bit values held in an {@code int}.
   */
  public record Segment(int vaddr, byte[] data, int memSize, int flags) {
    public Segment {
      if (memSize < data.length) {
        throw new IllegalArgumentException("memSize " + memSize + " is smaller than the data (" + data.length + ")");
      }
      // A copy, so that a loaded program cannot change under a running machine.
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    /** The first address after the segment, as an unsigned value. */
    public long end() {
      return Integer.toUnsignedLong(vaddr) + memSize;
    }

    public boolean contains(int address) {
      long a = Integer.toUnsignedLong(address);
      return a >= Integer.toUnsignedLong(vaddr) && a < end();
    }

    public boolean executable() {
      return (flags & FLAG_EXECUTE) != 0;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Segment s && s.vaddr == vaddr && s.memSize == memSize && s.flags == flags
          && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
      return (31 * (31 * vaddr + memSize) + flags) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return String.format("Segment[vaddr=0x%08x, fileSize=%d, memSize=%d, flags=%s%s%s]", vaddr, data.length,
          memSize, (flags & FLAG_READ) != 0 ? "R" : "-", (flags & FLAG_WRITE) != 0 ? "W" : "-",
          executable() ? "X" : "-");
    }
  }
}
