package org.cvmj.chain.models;

/**
 * Gas constants of the registry and the infer precompile; docs/gas.md explains each figure and how
 * {@link #OPS_PER_GAS} was calibrated.
 */
public final class ModelGas {
  /** register(): about the 25 fresh storage words a record takes at 20,000 gas each (SSTORE set), rounded. */
  public static final long REGISTER = 500_000;
  /** register(): per 32-byte word of the description, which is stored (SSTORE set). */
  public static final long DESCRIPTION_WORD = 20_000;
  /** uploadChunk(): the chunk's hash and bitmap words, the progress counter and the event. */
  public static final long CHUNK_BASE = 50_000;
  /** uploadChunk(): per byte of chunk written to the node's blob store (Cortex charges 20 per stored meta byte). */
  public static final long CHUNK_BYTE = 8;
  /**
   * uploadChunk(): per byte of chunk, its share of the verification (hashing, parsing and checking both files)
   * that the chunk completing the model runs; prepaid by every chunk, so the completing one is not larger.
   */
  public static final long VERIFY_BYTE = 4;
  /** Any registry view function. */
  public static final long VIEW = 2_600;
  /** infer(): the fixed part (call, decoding, bookkeeping of a paid call). */
  public static final long INFER_BASE = 20_000;
  /**
   * infer(): operations ({@code GetOps}) per gas. Calibrated on the MNIST zoo model so that a millisecond of
   * inference costs about as much gas as a millisecond of ordinary EVM execution (docs/gas.md).
   */
  public static final long OPS_PER_GAS = 40;
  /** infer(): per byte of input and output, the copying and ABI work around the run. */
  public static final long INFER_IO_BYTE = 3;

  private ModelGas() {}

  /** The gas of one infer call on a model with {@code ops} operations and author fee {@code fee}. */
  public static long infer(long ops, long fee, long inputBytes, long outputBytes) {
    return INFER_BASE + ops / OPS_PER_GAS + fee + INFER_IO_BYTE * (inputBytes + outputBytes);
  }
}
