package org.cvmj.chain.models;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Word;

/**
 * A registered model as the registry's storage holds it.
 *
 * @param address the model's address ({@link SystemAddresses#model})
 * @param index its registration number, from 1
 * @param author the account that registered it, which alone may upload and which earns its fees
 * @param symbolHash keccak256 of the symbol file
 * @param paramsHash keccak256 of the params file
 * @param fee the author's fee per call, in gas
 * @param inputShape the declared input shape
 * @param registeredBlock the block of the register() transaction
 * @param readyBlock the first block in which it may be called (0 before verification)
 * @param ops {@code GetOps} of its graph (0 before verification)
 * @param calls paid calls so far (calls in frames that reverted or transactions that failed do not count)
 * @param earned wei its author has earned from it
 * @param chunksReceived chunks of both files received so far
 * @param io the input and output byte conventions, known once verified (null before)
 * @param rejection why verification failed ({@code ""} unless rejected)
 */
public record ModelRecord(
    Address address,
    long index,
    Address author,
    Hash symbolHash,
    long symbolSize,
    Hash paramsHash,
    long paramsSize,
    long fee,
    List<Long> inputShape,
    String description,
    ModelStatus status,
    long registeredBlock,
    long readyBlock,
    long ops,
    long calls,
    Word earned,
    int chunksReceived,
    ModelIo io,
    String rejection) {

  public ModelRecord {
    inputShape = List.copyOf(inputShape);
  }

  /**
   * How a model's input and output travel as bytes: {@code elementSize} 1 (int8) or 4 (int32, big-endian), and
   * the total byte lengths.
   */
  public record ModelIo(int inputElementSize, long inputBytes, int outputElementSize, long outputBytes) {}

  public long size(ModelFile file) {
    return file == ModelFile.SYMBOL ? symbolSize : paramsSize;
  }

  public Hash hash(ModelFile file) {
    return file == ModelFile.SYMBOL ? symbolHash : paramsHash;
  }

  /** Chunks of both files. */
  public int chunksTotal() {
    return ModelLimits.chunks(symbolSize) + ModelLimits.chunks(paramsSize);
  }

  /** True when it may be called in block {@code number}. */
  public boolean callableAt(long number) {
    return status == ModelStatus.READY && number >= readyBlock;
  }
}
