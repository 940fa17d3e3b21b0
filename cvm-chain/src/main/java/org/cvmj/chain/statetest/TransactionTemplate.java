package org.cvmj.chain.statetest;

import static org.cvmj.chain.tx.InvalidTransactionException.Reason.FIELD_OVERFLOW;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INVALID_BLOBS;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.TransactionRequest;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.tx.AccessListEntry;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.chain.tx.InvalidTransactionException;

/**
 * The {@code transaction} section of a state test: shared fields plus lists of data (with their access lists),
 * gas limits and values that a {@link PostCase} picks by index. Numbers stay as text until a case is built,
 * because some cases deliberately carry values no transaction can encode (a value over 256 bits), which is a
 * rejection of that case, not a broken file.
 *
 * @param to the callee, or null for a creation
 * @param accessLists one per data entry; empty lists when the transaction has none
 * @param blobHashes null unless the transaction is of type 3 (blob)
 */
public record TransactionTemplate(Address sender, Address to, String nonce, Word maxFeePerGas,
    Word maxPriorityFeePerGas, List<byte[]> data, List<List<AccessListEntry>> accessLists, List<String> gasLimits,
    List<String> values, List<Hash> blobHashes, Word maxFeePerBlobGas) {

  /** The transaction of one case; rejected as the decoder would reject its encoding. */
  public TransactionRequest request(PostCase c) throws InvalidTransactionException {
    byte[] payload = pick(data, c.data(), "data");
    List<AccessListEntry> accessList = pick(accessLists, c.data(), "accessLists");
    long gasLimit = u64(pick(gasLimits, c.gas(), "gasLimit"), "gas limit");
    long txNonce = u64(nonce, "nonce");
    BigInteger v = FixtureValues.number(pick(values, c.value(), "value"));
    if (v.bitLength() > 256) {
      throw new InvalidTransactionException(FIELD_OVERFLOW, "value " + v + " does not fit 256 bits");
    }
    List<Word> blobs = List.of();
    if (blobHashes != null) {
      if (blobHashes.isEmpty()) {
        throw new InvalidTransactionException(INVALID_BLOBS, "a blob transaction must carry at least one blob"
            + " (EIP-4844)");
      }
      blobs = blobHashes.stream().map(h -> Word.fromBytes(h.bytes())).toList();
    }
    return new TransactionRequest(sender, to, txNonce, Word.fromBigInteger(v), payload, gasLimit,
        IntrinsicGas.of(payload, to == null, accessList), maxFeePerGas, maxPriorityFeePerGas, accessList, blobs,
        maxFeePerBlobGas);
  }

  private static long u64(String text, String what) throws InvalidTransactionException {
    BigInteger n = FixtureValues.number(text);
    if (n.bitLength() > 64) {
      throw new InvalidTransactionException(FIELD_OVERFLOW, what + " " + n + " does not fit 64 bits");
    }
    return n.longValue();
  }

  private static <T> T pick(List<T> list, int index, String field) {
    if (index < 0 || index >= list.size()) {
      throw new IllegalArgumentException("post index " + index + " is outside transaction." + field + " (size "
          + list.size() + ")");
    }
    return list.get(index);
  }
}
