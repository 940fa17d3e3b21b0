package org.cvmj.uploader.chain;

import org.cvmj.chain.models.ModelGas;
import org.cvmj.chain.tx.IntrinsicGas;

/**
 * The gas limit of an {@code uploadChunk} transaction, from the registry's schedule (docs/gas.md), so that chunk
 * transactions can be signed ahead of the state they run in: {@code eth_estimateGas} cannot see the chunks still in
 * the pool. Every chunk costs the same per byte: each prepays its share of the model's verification.
 */
public final class ChunkGas {
  /** ABI framing of {@code uploadChunk(address,uint8,uint32,bytes)}: selector, three words, offset, length. */
  static final int FRAMING = 4 + 5 * 32;
  /** Headroom for a schedule change that adds a little; the unused gas is refunded. */
  static final long MARGIN = 50_000;

  private ChunkGas() {}

  /** The limit for a chunk of {@code chunkBytes} bytes; every call-data byte is counted at the non-zero price. */
  public static long limit(int chunkBytes) {
    long callData = FRAMING + ((chunkBytes + 31L) / 32) * 32;
    return IntrinsicGas.TX + IntrinsicGas.NON_ZERO_BYTE * callData + ModelGas.CHUNK_BASE
        + (ModelGas.CHUNK_BYTE + ModelGas.VERIFY_BYTE) * chunkBytes + MARGIN;
  }
}
