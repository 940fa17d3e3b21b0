package org.cvmj.chain.e2e;

import static org.cvmj.chain.e2e.Web3jNode.GAS;
import static org.cvmj.chain.e2e.Web3jNode.dev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.contracts.Reverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.utils.Numeric;

/**
 * Reverts as web3j sees them: {@code eth_call} and {@code eth_estimateGas} fail with geth's code 3,
 * {@code execution reverted[: reason]} and the revert data, which decodes to the {@code Error(string)} reason, the
 * custom error's arguments or the panic code; the wrappers surface the reason.
 */
class RevertsThroughWeb3jTest {
  static final int REVERTED = 3;
  static final Credentials CALLER = dev(4);

  @TempDir static Path dir;
  static Web3jNode chain;
  static Reverter reverter;

  @BeforeAll
  static void deploy() throws Exception {
    chain = Web3jNode.start(dir);
    reverter = Reverter.deploy(chain.web3j, chain.manager(CALLER), GAS).send();
  }

  @AfterAll
  static void stop() {
    chain.close();
  }

  private static Response.Error callFails(Function f) throws Exception {
    EthCall call = chain.web3j.ethCall(Transaction.createEthCallTransaction(CALLER.getAddress(),
        reverter.getContractAddress(), FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST).send();
    assertTrue(call.hasError(), "the call succeeded: " + call.getValue());
    assertTrue(call.isReverted());
    assertEquals(REVERTED, call.getError().getCode());
    return call.getError();
  }

  /**
   * The error's {@code data}: web3j 4.13 keeps the JSON text of the member, quotes included, so they come off
   * here.
   */
  private static String data(Response.Error error) {
    String raw = error.getData();
    return raw != null && raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
        ? raw.substring(1, raw.length() - 1) : raw;
  }

  /** The 4-byte selector of an error or function signature, 0x-prefixed. */
  private static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  private static Function function(String name, Type<?>... args) {
    return new Function(name, List.of(args), List.of());
  }

  @Test
  void requireReasonInCallEstimateAndWrapper() throws Exception {
    Response.Error error = callFails(function("requirePositive", new Uint256(0)));
    assertEquals("execution reverted: Reverter: x must be positive", error.getMessage());
    String data = data(error);
    assertTrue(data.startsWith("0x08c379a0"), data);
    @SuppressWarnings("rawtypes")
    List<Type> reason = FunctionReturnDecoder.decode(data.substring(10),
        Utils.convert(List.of(new TypeReference<Utf8String>() {})));
    assertEquals("Reverter: x must be positive", reason.get(0).getValue());

    EthEstimateGas estimate = chain.web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
        CALLER.getAddress(), null, null, null, reverter.getContractAddress(),
        FunctionEncoder.encode(function("requirePositive", new Uint256(0))))).send();
    assertEquals(REVERTED, estimate.getError().getCode());
    assertEquals(error.getMessage(), estimate.getError().getMessage());
    assertEquals(data, data(estimate.getError()));

    ContractCallException wrapped = assertThrows(ContractCallException.class,
        () -> reverter.requirePositive(BigInteger.ZERO).send());
    assertTrue(wrapped.getMessage().contains("Reverter: x must be positive"), wrapped.getMessage());
    assertEquals(BigInteger.valueOf(14), reverter.requirePositive(BigInteger.valueOf(7)).send());
  }

  @Test
  void customErrorDataDecodesToItsArguments() throws Exception {
    Response.Error error = callFails(function("customError", new Uint256(42)));
    assertEquals("execution reverted", error.getMessage(), "a custom error has no reason string");
    String data = data(error);
    String selector = selector("Unauthorized(address,uint256)");
    assertTrue(data.startsWith(selector), data + " should start with " + selector);
    @SuppressWarnings("rawtypes")
    List<Type> args = FunctionReturnDecoder.decode(data.substring(10),
        Utils.convert(List.of(new TypeReference<Address>() {}, new TypeReference<Uint256>() {})));
    assertEquals(CALLER.getAddress(), args.get(0).getValue());
    assertEquals(BigInteger.valueOf(42), args.get(1).getValue());
  }

  @Test
  void panicAndBareRevert() throws Exception {
    Response.Error panic = callFails(function("divide", new Uint256(1), new Uint256(0)));
    assertEquals(selector("Panic(uint256)") + Numeric.toHexStringNoPrefixZeroPadded(
        BigInteger.valueOf(0x12), 64), data(panic), "Panic(0x12): division by zero");

    Response.Error bare = callFails(function("bareRevert"));
    assertEquals("execution reverted", bare.getMessage());
    assertTrue(data(bare) == null || data(bare).equals("0x"), "no revert data: " + bare.getData());
  }

  @Test
  void caughtRevertsAreEventsOfASuccessfulTransaction() throws Exception {
    TransactionReceipt caught = reverter.catchReason(reverter.getContractAddress(), BigInteger.ZERO).send();
    assertTrue(caught.isStatusOK());
    Reverter.CaughtEventResponse event = Reverter.getCaughtEvents(caught).get(0);
    assertEquals("08c379a0", Numeric.toHexStringNoPrefix(event.selector));
    assertEquals("Reverter: x must be positive", event.reason);

    TransactionReceipt custom = reverter.catchCustom(reverter.getContractAddress(), BigInteger.ONE).send();
    Reverter.CaughtEventResponse customEvent = Reverter.getCaughtEvents(custom).get(0);
    assertEquals(selector("Unauthorized(address,uint256)"),
        Numeric.toHexString(customEvent.selector));
    assertEquals("", customEvent.reason);
  }
}
