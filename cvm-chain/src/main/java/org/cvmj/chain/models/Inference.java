package org.cvmj.chain.models;

/**
 * The result of running a model off chain ({@link Models#infer}).
 *
 * @param output the bytes {@code infer(address,bytes)} returns (int8, or int32 big-endian, per element)
 * @param gas what the precompile charges for this call on chain: {@link ModelGas#infer}, the author's fee included;
 *     the calling transaction's own gas (intrinsic, call data, the CALL) comes on top
 */
public record Inference(byte[] output, long gas) {
  public Inference {
    output = output.clone();
  }

  @Override
  public byte[] output() {
    return output.clone();
  }
}
