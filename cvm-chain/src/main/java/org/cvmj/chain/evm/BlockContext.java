package org.cvmj.chain.evm;

import java.util.function.LongFunction;
import org.cvmj.chain.crypto.Address;

/**
 * What the block tells the EVM: COINBASE, NUMBER, TIMESTAMP, GASLIMIT, BASEFEE, PREVRANDAO, CHAINID,
 * BLOBBASEFEE, and BLOCKHASH for the 256 blocks before this one ({@code blockHashes} returns ZERO for any it
 * does not know).
 */
public record BlockContext(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    Word baseFee,
    Word prevRandao,
    Word chainId,
    Word blobBaseFee,
    LongFunction<Word> blockHashes) {

  /** BLOCKHASH semantics: the hash of one of the 256 most recent complete blocks, else zero. */
  public Word blockHash(Word n) {
    if (!n.fitsLong()) return Word.ZERO;
    long k = n.longValue();
    if (k >= number || k < number - 256) return Word.ZERO;
    return blockHashes.apply(k);
  }
}
