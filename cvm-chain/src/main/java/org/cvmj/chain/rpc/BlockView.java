package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;

/**
 * A block as {@code eth_getBlockByNumber}/{@code ByHash} show it, always with full transactions (the RPC layer
 * reduces them to hashes when asked). Fork-dependent header fields are null when the block's fork lacks them:
 * {@code baseFeePerGas} (London), {@code withdrawalsRoot} (Shanghai; the block then shows an empty
 * {@code withdrawals} list), {@code blobGasUsed}, {@code excessBlobGas}, {@code parentBeaconBlockRoot}
 * (Cancun). {@code nonce} is 8 bytes, {@code logsBloom} 256; {@code size} is the RLP size of the block.
 */
public record BlockView(
    long number,
    Hash hash,
    Hash parentHash,
    byte[] nonce,
    Hash sha3Uncles,
    byte[] logsBloom,
    Hash transactionsRoot,
    Hash stateRoot,
    Hash receiptsRoot,
    Address miner,
    BigInteger difficulty,
    byte[] extraData,
    long size,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Hash mixHash,
    BigInteger baseFeePerGas,
    Hash withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    Hash parentBeaconBlockRoot,
    List<TransactionView> transactions,
    List<Hash> uncles) {

  public BlockView {
    nonce = nonce.clone();
    logsBloom = logsBloom.clone();
    extraData = extraData.clone();
    transactions = List.copyOf(transactions);
    uncles = List.copyOf(uncles);
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }

  @Override
  public byte[] extraData() {
    return extraData.clone();
  }
}
