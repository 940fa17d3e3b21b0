package org.cvmj.chain.models;

/**
 * The limits the registry enforces, documented in docs/models-on-chain.md. A registration or chunk outside them
 * reverts with a reason naming the limit.
 */
public final class ModelLimits {
  /**
   * Bytes per upload chunk: every chunk but a file's last is exactly this long. 64 KiB keeps an upload transaction
   * (chunk plus ABI framing) well under the pool's 128 KiB transaction size limit.
   */
  public static final int CHUNK_SIZE = 64 * 1024;
  /** Largest symbol (graph JSON) file. */
  public static final long MAX_SYMBOL_BYTES = 4L * 1024 * 1024;
  /** Largest params file: 512 chunks, about 33 blocks of 30M gas. */
  public static final long MAX_PARAMS_BYTES = 32L * 1024 * 1024;
  /** Input shape rank, as the runtime allows (1..6). */
  public static final int MAX_RANK = 6;
  /** Largest input dimension, as the runtime allows. */
  public static final long MAX_DIM = 1L << 24;
  /** Largest input, in elements: an input travels as calldata, so it must fit a transaction. */
  public static final long MAX_INPUT_ELEMENTS = 1L << 16;
  /** Longest description, in UTF-8 bytes. */
  public static final int MAX_DESCRIPTION_BYTES = 256;
  /** Highest author fee per call, in gas (Cortex clamps silently; here a higher fee is refused). */
  public static final long MAX_FEE_GAS = 1_000_000;
  /** A rejection reason is cut to this many UTF-8 bytes before it is stored. */
  public static final int MAX_REASON_BYTES = 256;
  /** Bitmap words reserved per file in a model's record: room for 2048 chunks (128 MiB). */
  static final int BITMAP_WORDS = 8;

  private ModelLimits() {}

  /** Chunks of a file of {@code size} bytes. */
  public static int chunks(long size) {
    return (int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
  }
}
