package org.cvmj.uploader.bench;

import java.math.BigInteger;
import org.cvmj.chain.bench.Measurement;

/**
 * The upload rounds' result. Every round uploads a model of the same size (other weights), so the counts are those
 * of each round.
 *
 * @param rate MB/s (10^6 bytes of symbol and params per second) of each round, over the whole upload call:
 *     registration, every chunk, the verdict
 * @param modelBytes symbol and params bytes of one model
 * @param chunks 64 KiB chunks of one model
 * @param transactions transactions of one upload (registration and chunks)
 * @param gasUsed gas of one upload
 * @param blocks blocks the chain grew by during one upload
 */
public record UploadThroughput(Measurement rate, long modelBytes, int chunks, int transactions, BigInteger gasUsed,
    long blocks) {}
