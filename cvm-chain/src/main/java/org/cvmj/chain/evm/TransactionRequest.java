package org.cvmj.chain.evm;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.tx.AccessListEntry;

/**
 * A transaction as the EVM sees it, after signature recovery and decoding (any type: legacy, 2930, 1559, 4844).
 *
 * @param to the callee, or null for a contract creation
 * @param nonce must equal the sender's nonce
 * @param intrinsicGas computed by the caller (21000/53000 + data + access list + initcode words); must not exceed
 *     gasLimit
 * @param maxFeePerGas the gas price of legacy and 2930 transactions
 * @param maxPriorityFeePerGas the gas price again for legacy and 2930 transactions
 * @param maxFeePerBlobGas zero unless blobHashes is non-empty
 */
public record TransactionRequest(
    Address sender,
    Address to,
    long nonce,
    Word value,
    byte[] data,
    long gasLimit,
    long intrinsicGas,
    Word maxFeePerGas,
    Word maxPriorityFeePerGas,
    List<AccessListEntry> accessList,
    List<Word> blobHashes,
    Word maxFeePerBlobGas) {

  public TransactionRequest {
    data = data.clone();
    accessList = List.copyOf(accessList);
    blobHashes = List.copyOf(blobHashes);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public boolean isCreate() {
    return to == null;
  }

  /** A legacy-priced call or create without access list or blobs. */
  public static TransactionRequest legacy(Address sender, Address to, long nonce, Word value, byte[] data,
      long gasLimit, long intrinsicGas, Word gasPrice) {
    return new TransactionRequest(sender, to, nonce, value, data, gasLimit, intrinsicGas, gasPrice, gasPrice,
        List.of(), List.of(), Word.ZERO);
  }
}
