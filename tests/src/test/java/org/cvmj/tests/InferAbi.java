package org.cvmj.tests;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The {@code infer(address,bytes) returns (bytes)} interface of the precompile at {@code 0x…c001}, encoded the way
 * any Solidity caller does, and the byte order rule that relates its output to {@code cvm run}'s output file.
 */
final class InferAbi {
  /** The infer precompile (docs/models-on-chain.md). */
  static final String PRECOMPILE = "0x000000000000000000000000000000000000c001";
  /** The registry system contract. */
  static final String REGISTRY = "0x000000000000000000000000000000000000c000";
  /** The first four bytes of keccak256 of the signature. */
  static final String SELECTOR = Hash.sha3String("infer(address,bytes)").substring(0, 10);

  private InferAbi() {}

  /** Call data of {@code infer(model, input)}. */
  static String encode(String model, byte[] input) {
    return SELECTOR + FunctionEncoder.encodeConstructor(List.of(new Address(model), new DynamicBytes(input)));
  }

  /** The {@code bytes} an infer call returned (ABI-encoded, as hex). */
  @SuppressWarnings("rawtypes")
  static byte[] decode(String returned) {
    List<Type> values = FunctionReturnDecoder.decode(returned,
        List.of((TypeReference) new TypeReference<DynamicBytes>() {}));
    if (values.size() != 1) {
      throw new AssertionError("infer returned " + returned + ", not one ABI bytes value");
    }
    return ((DynamicBytes) values.get(0)).getValue();
  }

  /**
   * {@code cvm run --output FILE}'s bytes in the chain's order: int8 elements are the same bytes; int32 elements are
   * little-endian in the file (CVMAPIInference) and big-endian on chain (Cortex), so each 4-byte word is reversed.
   */
  static byte[] chainOrder(byte[] cvmRunOutput, int elementSize) {
    if (elementSize == 1) {
      return cvmRunOutput.clone();
    }
    if (elementSize != 4 || cvmRunOutput.length % 4 != 0) {
      throw new AssertionError("an output of " + cvmRunOutput.length + " bytes in " + elementSize + "-byte elements");
    }
    byte[] b = new byte[cvmRunOutput.length];
    for (int i = 0; i < b.length; i += 4) {
      for (int k = 0; k < 4; k++) {
        b[i + k] = cvmRunOutput[i + 3 - k];
      }
    }
    return b;
  }

  static String hex(byte[] b) {
    return Numeric.toHexString(b);
  }
}
