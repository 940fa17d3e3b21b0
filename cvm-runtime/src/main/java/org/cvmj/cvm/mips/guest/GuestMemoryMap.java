package org.cvmj.cvm.mips.guest;

/**
 * Where the CVM guest finds its model, input and output in the MIPS VM's memory: the contract between
 * the Java side that prepares and reads the VM state and the guest program (docs/mips-guest.md). Every
 * region is in the guest's big-endian byte order.
 */
public final class GuestMemoryMap {
  private GuestMemoryMap() {}

  /** The guest ELF's text, data and bss: the default address of mips-linux-gnu ld. */
  public static final int PROGRAM = 0x0040_0000;

  /** The model plan ({@link ModelPlan#encode}), written before the first step; it may extend to {@link #HEAP}. */
  public static final int PLAN = 0x1000_0000;

  /** The heap: {@code mmap(0, len, ...)} (O32 syscall 4090) returns successive 4096-rounded blocks from here. */
  public static final int HEAP = 0x2000_0000;

  /** End (exclusive) of the heap. */
  public static final int HEAP_END = 0x3000_0000;

  /** The input: a big-endian u32 byte count, then the input bytes in the CVMAPIInference convention. */
  public static final int INPUT = 0x3000_0000;

  /** Reserved and never used: opml's pre-image window. */
  public static final int RESERVED = 0x3100_0000;

  /** The output: a big-endian u32 byte count written by the guest, then the output bytes. */
  public static final int OUTPUT = 0x3200_0000;

  /** The most output bytes the guest writes after the count word. */
  public static final int OUTPUT_MAX = 0x0100_0000;

  /** Where the VM loader starts the stack pointer; the stack grows down. */
  public static final int STACK_TOP = 0x7FFF_D000;

  /** The largest plan, in bytes, that fits below the heap. */
  public static final int PLAN_MAX_BYTES = HEAP - PLAN;

  /** The largest input, in bytes, that fits below the reserved window. */
  public static final int INPUT_MAX_BYTES = RESERVED - INPUT - 4;

  /** O32 system call numbers the guest uses. */
  public static final int SYS_WRITE = 4004;
  public static final int SYS_MMAP = 4090;
  public static final int SYS_EXIT_GROUP = 4246;
}
