package org.cvmj.cvm.mips.guest;

/**
 * The numbers of the plan format, shared with the guest's {@code cvm.h} (docs/mips-guest.md has the
 * layout). Every field of a plan is a 32-bit big-endian word.
 */
final class PlanFormat {
  private PlanFormat() {}

  static final int MAGIC = 0x4356_4D50; // "CVMP"
  static final int VERSION = 4;

  /** Header words, in order; heads follow at {@link #HEADER_WORDS}. */
  static final int HEADER_WORDS = 13;

  /** A tensor's location: in the arena the guest maps, in the plan itself (constants), or nowhere (unused). */
  static final int WHERE_ARENA = 0;
  static final int WHERE_PLAN = 1;
  static final int WHERE_NONE = 2;

  static final int POST_NONE = 0;
  static final int POST_ARGMAX = 1;
  static final int POST_INTERLEAVE = 2;

  /** No tensor (a conv2d or dense without bias). */
  static final int NO_TENSOR = -1;

  /** Zero words after the last constant: kernels may read a few words past a tensor's end. */
  static final int TAIL_WORDS = 4;

  // Opcodes: one guest kernel each.
  static final int OP_CONV2D = 1;
  static final int OP_DENSE = 2;
  static final int OP_CLIP = 3;
  static final int OP_RSHIFT = 4;
  static final int OP_LSHIFT = 5;
  static final int OP_MAXPOOL = 6;
  static final int OP_BINARY = 7;
  static final int OP_REDUCE = 8;
  static final int OP_GATHER = 9;
  static final int OP_CONCAT = 10;
  static final int OP_UNARY = 11;
  static final int OP_LUT = 12;
  static final int OP_TAKE = 13;
  static final int OP_WHERE = 14;
  static final int OP_REQUANT = 15;

  // OP_BINARY kinds.
  static final int BIN_ADD = 0;
  static final int BIN_SUB = 1;
  static final int BIN_MUL = 2;
  static final int BIN_MAX = 3;
  static final int BIN_DIV = 4;
  static final int BIN_GREATER = 5;

  // OP_UNARY kinds.
  static final int UN_ABS = 0;
  static final int UN_NEG = 1;
  static final int UN_PRECISION = 2;

  // OP_REDUCE kinds.
  static final int RED_SUM = 0;
  static final int RED_MAX = 1;

  /** Output channels per conv2d weight block and units per dense weight block (the kernels' tiles). */
  static final int CONV_BLOCK = 4;
  /**
   * Taps per reduction step of conv2d's row tile (kernel width a multiple of 3, unit column stride and
   * dilation). A step is TAPS x CONV_BLOCK weights (tap-major), then the first tap's byte offset.
   */
  static final int ROW_TAPS = 3;
  static final int DENSE_BLOCK = 8;
}
