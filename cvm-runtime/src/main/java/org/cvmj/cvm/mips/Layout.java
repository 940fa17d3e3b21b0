package org.cvmj.cvm.mips;

import java.util.List;

/**
 * The fixed addresses of the VM's memory map (docs/mips.md, "Memory map"). Programs are linked at
 * {@link #PROGRAM}; the regions a host writes before the first step (a CVM model plan, an input) are above
 * the program and below the heap; nothing lives in {@code 0x31000000..0x31FFFFFF}, opml's pre-image window.
 */
public final class Layout {
  /** Where mips-linux-gnu-ld places a static program's text. */
  public static final int PROGRAM = 0x00400000;
  /** The anonymous-mmap heap grows from here ... */
  public static final int HEAP_START = 0x20000000;
  /** ... up to here (exclusive); a mapping beyond fails with ENOMEM. */
  public static final int HEAP_END = 0x30000000;
  /** What brk always reports: the break never moves, so a libc malloc falls back to mmap. */
  public static final int BRK = 0x40000000;
  /** The initial stack pointer; argc, argv and auxv lie above it, the stack grows down from it. */
  public static final int STACK_TOP = 0x7FFFD000;
  /** The lowest address kept for the stack: 16 MiB below the top of user space. */
  public static final int STACK_LIMIT = 0x7F000000;
  /** opml's pre-image window: a disputed load from here could not be settled there, so nothing lives here. */
  public static final int RESERVED_START = 0x31000000;
  public static final int RESERVED_END = 0x32000000;
  /** The top of user space (exclusive); MIPS kernel segments start here. */
  public static final long USER_END = 0x80000000L;

  private Layout() {}

  private record Region(long start, long end, String name) {}

  private static final List<Region> NOT_LOADABLE = List.of(
      new Region(HEAP_START, HEAP_END, "the mmap heap"),
      new Region(RESERVED_START, RESERVED_END, "the reserved window"),
      new Region(STACK_LIMIT, USER_END, "the stack"),
      new Region(USER_END, 1L << 32, "kernel space"));

  /** Refuses a loaded segment [start, end) that would overlap the heap, the reserved window or the stack. */
  static void checkSegment(long start, long end, String what) throws MipsException {
    for (Region r : NOT_LOADABLE) {
      if (start < r.end && end > r.start) {
        throw new MipsException(String.format("%s [0x%08x, 0x%08x) overlaps %s [0x%08x, 0x%08x)", what, start, end,
            r.name, r.start, r.end));
      }
    }
  }
}
