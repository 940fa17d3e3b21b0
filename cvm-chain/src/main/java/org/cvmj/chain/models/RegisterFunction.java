package org.cvmj.chain.models;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.models.CallData.BadCallData;
import org.cvmj.chain.sol.Abi;

/**
 * {@code register(bytes32 symbolHash, uint64 symbolSize, bytes32 paramsHash, uint64 paramsSize,
 * uint32[] inputShape, uint64 fee, string description) returns (address model)}: the sender becomes the author;
 * the model starts uploading.
 */
final class RegisterFunction implements RegistryFunction {
  static final String SIGNATURE = "register(bytes32,uint64,bytes32,uint64,uint32[],uint64,string)";
  static final List<String> ARGS =
      List.of("symbolHash", "symbolSize", "paramsHash", "paramsSize", "inputShape", "fee", "description");

  @Override
  public CallResult call(RegistryCall c) throws BadCallData {
    CallData a = c.args();
    Hash symbolHash = a.bytes32(0);
    long symbolSize = a.uint(1, 64);
    Hash paramsHash = a.bytes32(2);
    long paramsSize = a.uint(3, 64);
    List<Long> shape = a.uintArray(4, 32, ModelLimits.MAX_RANK + 1);
    long fee = a.uint(5, 64);
    String description = a.string(6);
    String problem = problem(symbolHash, symbolSize, paramsHash, paramsSize, shape, fee, description);
    if (problem != null) {
      return Reverts.revert(c.gas(), "register: " + problem);
    }
    int descriptionBytes = description.getBytes(StandardCharsets.UTF_8).length;
    long gas = ModelGas.REGISTER + ModelGas.DESCRIPTION_WORD * ((descriptionBytes + 31) / 32);
    if (gas > c.gas()) {
      return Reverts.outOfGas();
    }
    Address author = c.message().caller();
    Address model = c.storage().create(author, symbolHash, symbolSize, paramsHash, paramsSize, fee, shape,
        description, c.blockNumber());
    RegistryEvents.registered(c.evm().state(), model, author, symbolHash, symbolSize, paramsHash, paramsSize, fee,
        description);
    return Reverts.success(c.gas() - gas, Abi.encode(List.of("address"), model));
  }

  /** What is wrong with the arguments, or null. */
  static String problem(Hash symbolHash, long symbolSize, Hash paramsHash, long paramsSize, List<Long> shape,
      long fee, String description) {
    if (symbolHash.equals(Hash.ZERO) || paramsHash.equals(Hash.ZERO)) {
      return "symbolHash and paramsHash must be the keccak256 of the files, not zero";
    }
    if (symbolSize < 1 || symbolSize > ModelLimits.MAX_SYMBOL_BYTES) {
      return "symbolSize " + symbolSize + " is outside 1.." + ModelLimits.MAX_SYMBOL_BYTES + " bytes";
    }
    if (paramsSize < 1 || paramsSize > ModelLimits.MAX_PARAMS_BYTES) {
      return "paramsSize " + paramsSize + " is outside 1.." + ModelLimits.MAX_PARAMS_BYTES + " bytes";
    }
    if (shape.isEmpty() || shape.size() > ModelLimits.MAX_RANK) {
      return "inputShape has rank " + shape.size() + "; it must be 1.." + ModelLimits.MAX_RANK;
    }
    long elements = 1;
    for (int i = 0; i < shape.size(); i++) {
      long d = shape.get(i);
      if (d < 1 || d > ModelLimits.MAX_DIM) {
        return "inputShape[" + i + "] = " + d + " is outside 1.." + ModelLimits.MAX_DIM;
      }
      elements *= d;
      if (elements > ModelLimits.MAX_INPUT_ELEMENTS) {
        return "inputShape " + shape + " has more than " + ModelLimits.MAX_INPUT_ELEMENTS
            + " elements (an input travels in call data)";
      }
    }
    if (fee > ModelLimits.MAX_FEE_GAS) {
      return "fee " + fee + " gas exceeds the maximum " + ModelLimits.MAX_FEE_GAS;
    }
    int descriptionBytes = description.getBytes(StandardCharsets.UTF_8).length;
    if (descriptionBytes > ModelLimits.MAX_DESCRIPTION_BYTES) {
      return "description is " + descriptionBytes + " bytes; at most " + ModelLimits.MAX_DESCRIPTION_BYTES
          + " are allowed";
    }
    return null;
  }
}
