package org.cvmj.cvm.mips;

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

  private Layout() {}
}
