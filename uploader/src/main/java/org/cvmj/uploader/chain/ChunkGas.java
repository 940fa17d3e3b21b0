package org.cvmj.uploader.chain;

/**
 * The gas limit of an {@code uploadChunk} transaction, from the registry's schedule (docs/gas.md), so that chunk
 * transactions can be signed ahead of the state they run in: {@code eth_estimateGas} cannot see the chunks still in
 * the pool. Every chunk costs the same per byte: each prepays its share of the model's verification.
 */
public final class ChunkGas {
  static final long INTRINSIC = 21_000;
  /** Non-zero call data byte; counting every byte at this price gives an upper bound. */
  static final long CALLDATA_BYTE = 16;
  static final long CHUNK_BASE = 50_000;
  static final long CHUNK_BYTE = 8;
  static final long VERIFY_BYTE = 4;
  /** ABI framing of {@code uploadChunk(address,uint8,uint32,bytes)}: selector, three words, offset, length. */
  static final int FRAMING = 4 + 5 * 32;
  /** Headroom for a schedule change that adds a little; the unused gas is refunded. */
  static final long MARGIN = 50_000;

  private ChunkGas() {}

  /** The limit for a chunk of {@code chunkBytes} bytes. */
  public static long limit(int chunkBytes) {
    long callData = FRAMING + ((chunkBytes + 31L) / 32) * 32;
    return INTRINSIC + CALLDATA_BYTE * callData + CHUNK_BASE + (CHUNK_BYTE + VERIFY_BYTE) * chunkBytes + MARGIN;
  }
}
