package org.cvmj.cvm.mips.guest;

import org.cvmj.cvm.mips.Layout;

/**
 * Where the CVM guest finds its model, input and output in the MIPS VM's memory: the contract between
 * the Java side that prepares and reads the VM state and the guest program (docs/mips-guest.md). Every
 * region is in the guest's big-endian byte order. Only the guest's own regions are here; the program,
 * heap, stack and reserved window are the VM's ({@link Layout}), and these regions sit between them.
 */
public final class GuestMemoryMap {
  private GuestMemoryMap() {}

  /** The model plan ({@link ModelPlan#encode}), written before the first step; it may extend to the heap. */
  public static final int PLAN = 0x1000_0000;

  /** The input, where the heap ends: a big-endian u32 byte count, then the bytes (CVMAPIInference order). */
  public static final int INPUT = Layout.HEAP_END;

  /** The output, where the reserved window ends: a big-endian u32 byte count, then the guest's bytes. */
  public static final int OUTPUT = Layout.RESERVED_END;

  /** The most output bytes the guest writes after the count word. */
  public static final int OUTPUT_MAX = 0x0100_0000;

  /** The largest plan, in bytes, that fits below the heap. */
  public static final int PLAN_MAX_BYTES = Layout.HEAP_START - PLAN;

  /** The largest input, in bytes, that fits below the reserved window. */
  public static final int INPUT_MAX_BYTES = Layout.RESERVED_START - INPUT - 4;
}
