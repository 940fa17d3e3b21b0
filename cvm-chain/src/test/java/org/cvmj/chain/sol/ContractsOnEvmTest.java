package org.cvmj.chain.sol;

import static org.cvmj.chain.sol.EvmChain.ALICE;
import static org.cvmj.chain.sol.EvmChain.BOB;
import static org.cvmj.chain.sol.EvmChain.CAROL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.evm.ContractAddress;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.tx.IntrinsicGas;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The committed solc output (cvm-chain/src/main/solidity) deployed and called as transactions on this EVM: return
 * values, storage layout, logs, revert data, CREATE2 addresses and gas.
 */
class ContractsOnEvmTest {
  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  private final EvmChain chain = new EvmChain();

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static Word topic(Address a) {
    return Word.fromAddress(a);
  }

  private static Word topic(org.cvmj.chain.crypto.Hash h) {
    return Word.fromBytes(h.bytes());
  }

  /** keccak256(key ++ slot): the storage slot of mapping[key] for a mapping declared at {@code slot}. */
  private static Word mappingSlot(Word key, long slot) {
    byte[] buf = new byte[64];
    key.writeTo(buf, 0);
    Word.of(slot).writeTo(buf, 32);
    return Word.fromBytes(Keccak256.digest(buf));
  }

  private static void assertReverted(TransactionResult r) {
    assertEquals(CallResult.Status.REVERT, r.status(), () -> EvmChain.describe(r));
    assertTrue(r.logs().isEmpty(), "a reverted transaction keeps no logs");
    assertTrue(r.gasUsed() < EvmChain.GAS_LIMIT, "REVERT returns the unused gas: " + r.gasUsed());
  }

  private static void assertRevertReason(String reason, TransactionResult r) {
    assertReverted(r);
    assertEquals(reason, Abi.revertReason(r.returnData()).orElseThrow(
        () -> new AssertionError("no Error(string) in " + EvmChain.describe(r))));
    assertArrayEquals(Abi.ERROR_SELECTOR, Arrays.copyOf(r.returnData(), 4));
  }

  @Nested
  class CounterContract {
    private final ContractArtifact counter = ContractArtifact.load("Counter");

    @Test
    void deploysAtTheCreateAddressWithConstructorStateAndImmutable() {
      Address expected = ContractAddress.create(ALICE, 0);
      TransactionResult r = chain.deploy(ALICE, counter, big(5));
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(expected, r.createdAddress());
      assertEquals(1, chain.state.nonce(ALICE));
      assertEquals(1, chain.state.nonce(expected), "EIP-161: a new contract starts at nonce 1");
      long intrinsic = IntrinsicGas.of(counter.deployData(big(5)), true, List.of());
      long codeDeposit = 200L * chain.state.code(expected).length;
      assertTrue(r.gasUsed() > intrinsic + codeDeposit, r.gasUsed() + " <= " + intrinsic + " + " + codeDeposit);

      assertEquals(big(5), chain.query1(expected, counter, "count"));
      assertEquals(ALICE, chain.query1(expected, counter, "owner"));
      assertEquals(Word.of(5), chain.state.storage(expected, Word.ZERO));
      // The immutable owner is written into the deployed code, where solc's runtime object has zeros.
      byte[] code = chain.state.code(expected);
      byte[] compiled = counter.runtimeCode();
      assertEquals(compiled.length, code.length);
      assertFalse(Arrays.equals(compiled, code));
      int differing = 0;
      for (int i = 0; i < code.length; i++) {
        if (code[i] != compiled[i]) {
          differing++;
          assertEquals(0, compiled[i], "only immutable placeholders (zeros) may differ, at " + i);
        }
      }
      assertTrue(differing > 0 && differing <= Address.LENGTH, "differing bytes: " + differing);
    }

    @Test
    void incrementAndAddUpdateStorageAndEmitIncremented() {
      Address c = chain.deployed(ALICE, counter, big(5));
      TransactionResult r = chain.call(BOB, c, counter.encodeCall("increment"));
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(List.of(big(6)), counter.decodeOutput("increment", r.returnData()));
      assertTrue(r.gasUsed() > IntrinsicGas.TX, "gas used " + r.gasUsed());

      assertEquals(1, r.logs().size());
      Log log = r.logs().get(0);
      assertEquals(c, log.address());
      assertEquals("Incremented(address,uint256,uint256)", counter.eventSignature("Incremented"));
      assertEquals(List.of(topic(counter.eventTopic("Incremented")), topic(BOB)), log.topics());
      assertEquals(List.of(big(1), big(6)), Abi.decode(List.of("uint256", "uint256"), log.data()));

      List<Object> out = chain.query(CAROL, c, counter, "add", big(100));
      assertEquals(List.of(big(106)), out);
      assertEquals(Word.of(106), chain.state.storage(c, Word.ZERO), "slot 0: count");
      assertEquals(Word.fromAddress(CAROL), chain.state.storage(c, Word.ONE), "slot 1: lastCaller");
      assertEquals(CAROL, chain.query1(c, counter, "lastCaller"));
    }

    @Test
    void checkedOverflowRevertsWithPanic0x11AndKeepsTheCount() {
      Address c = chain.deployed(ALICE, counter, big(1));
      BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
      TransactionResult r = chain.call(BOB, c, counter.encodeCall("add", max));
      assertReverted(r);
      assertEquals(big(0x11), Abi.panicCode(r.returnData()).orElseThrow());
      assertEquals(1, chain.state.nonce(BOB), "the reverted call still used BOB's nonce");
      assertEquals(big(1), chain.query1(c, counter, "count"));
    }

    @Test
    void shortAndLongStringsRoundTripThroughStorage() {
      Address c = chain.deployed(ALICE, counter, big(0));
      String shortLabel = "hello, chain";
      TransactionResult r = chain.call(ALICE, c, counter.encodeCall("setLabel", shortLabel));
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(List.of(topic(counter.eventTopic("LabelChanged"))), r.logs().get(0).topics());
      assertEquals(List.of(shortLabel), Abi.decode(List.of("string"), r.logs().get(0).data()));
      assertEquals(shortLabel, chain.query1(c, counter, "label"));
      // A short string lives in its slot (slot 2): bytes left-aligned, length * 2 in the lowest byte.
      byte[] slot = chain.state.storage(c, Word.of(2)).toBytes();
      assertEquals(shortLabel, new String(slot, 0, shortLabel.length(), StandardCharsets.UTF_8));
      assertEquals(shortLabel.length() * 2, slot[31]);

      String longLabel = "a label longer than thirty-one bytes, stored at keccak256(slot) — with UTF-8: ∑ü";
      assertTrue(chain.call(ALICE, c, counter.encodeCall("setLabel", longLabel)).isSuccess());
      assertEquals(longLabel, chain.query1(c, counter, "label"));
      int bytes = longLabel.getBytes(StandardCharsets.UTF_8).length;
      assertEquals(Word.of(bytes * 2L + 1), chain.state.storage(c, Word.of(2)), "long string: length * 2 + 1");
    }

    @Test
    void onlyTheOwnerMayReset() {
      Address c = chain.deployed(ALICE, counter, big(9));
      assertRevertReason("Counter: not the owner", chain.call(BOB, c, counter.encodeCall("reset")));
      assertEquals(big(9), chain.query1(c, counter, "count"));
      TransactionResult r = chain.call(ALICE, c, counter.encodeCall("reset"));
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(List.of(topic(counter.eventTopic("Reset")), topic(ALICE)), r.logs().get(0).topics());
      assertEquals(big(0), chain.query1(c, counter, "count"));
      assertTrue(r.gasRefunded() > 0, "clearing a non-zero slot earns a refund");
    }

    @Test
    void transientLockIsClearedBetweenTransactions() {
      Address c = chain.deployed(ALICE, counter, big(0));
      for (int i = 1; i <= 3; i++) {
        assertEquals(List.of(big(i)), chain.query(BOB, c, counter, "increment"));
      }
      assertTrue(chain.state.storageOf(c).keySet().stream().noneMatch(k -> k.compareTo(Word.of(3)) >= 0),
          "the lock lives in transient storage, not in a storage slot: " + chain.state.storageOf(c));
    }
  }

  @Nested
  class TokenContract {
    private final ContractArtifact token = ContractArtifact.load("Token");
    private final BigInteger supply = big(1_000_000).multiply(E18);

    private Address deployToken() {
      TransactionResult r = chain.deploy(ALICE, token, "CVM Token", "CVM", supply);
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(1, r.logs().size(), "the constructor's mint emits Transfer");
      Log mint = r.logs().get(0);
      assertEquals(List.of(topic(token.eventTopic("Transfer")), topic(Address.ZERO), topic(ALICE)), mint.topics());
      assertEquals(List.of(supply), Abi.decode(List.of("uint256"), mint.data()));
      return r.createdAddress();
    }

    private BigInteger balance(Address t, Address who) {
      return (BigInteger) chain.query1(t, token, "balanceOf", who);
    }

    @Test
    void metadataAndDeployedCodeMatchTheArtifact() {
      Address t = deployToken();
      assertArrayEquals(token.runtimeCode(), chain.state.code(t), "no immutables: code == bin-runtime");
      assertEquals("CVM Token", chain.query1(t, token, "name"));
      assertEquals("CVM", chain.query1(t, token, "symbol"));
      assertEquals(big(18), chain.query1(t, token, "decimals"));
      assertEquals(supply, chain.query1(t, token, "totalSupply"));
      assertEquals(supply, balance(t, ALICE));
      assertEquals(BigInteger.ZERO, balance(t, BOB));
      // balanceOf is the mapping at slot 3 (name 0, symbol 1, totalSupply 2; decimals is a constant).
      assertEquals(Word.fromBigInteger(supply), chain.state.storage(t, mappingSlot(Word.fromAddress(ALICE), 3)));
      assertEquals(Word.fromBigInteger(supply), chain.state.storage(t, Word.of(2)));
    }

    @Test
    void transferMovesBalanceAndEmitsTransfer() {
      Address t = deployToken();
      BigInteger amount = big(250).multiply(E18);
      TransactionResult r = chain.call(ALICE, t, token.encodeCall("transfer", BOB, amount));
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(List.of(true), token.decodeOutput("transfer", r.returnData()));
      assertTrue(r.gasUsed() > 21_000 + 20_000, "a fresh balance slot costs an SSTORE set: " + r.gasUsed());
      Log log = r.logs().get(0);
      assertEquals(t, log.address());
      assertEquals("Transfer(address,address,uint256)", token.eventSignature("Transfer"));
      assertEquals(List.of(topic(Abi.eventTopic("Transfer(address,address,uint256)")), topic(ALICE), topic(BOB)),
          log.topics());
      assertEquals(List.of(amount), Abi.decode(List.of("uint256"), log.data()));
      assertEquals(supply.subtract(amount), balance(t, ALICE));
      assertEquals(amount, balance(t, BOB));
      assertEquals(Word.fromBigInteger(amount), chain.state.storage(t, mappingSlot(Word.fromAddress(BOB), 3)));
    }

    @Test
    void failedTransfersRevertWithTheirReasonAndChangeNothing() {
      Address t = deployToken();
      assertRevertReason("Token: insufficient balance", chain.call(BOB, t, token.encodeCall("transfer", CAROL,
          big(1))));
      assertRevertReason("Token: transfer to the zero address", chain.call(ALICE, t, token.encodeCall("transfer",
          Address.ZERO, big(1))));
      assertRevertReason("Token: approve to the zero address", chain.call(ALICE, t, token.encodeCall("approve",
          Address.ZERO, big(1))));
      assertEquals(supply, balance(t, ALICE));
      assertEquals(BigInteger.ZERO, balance(t, CAROL));
    }

    @Test
    void approveAndTransferFromSpendTheAllowance() {
      Address t = deployToken();
      TransactionResult approve = chain.call(ALICE, t, token.encodeCall("approve", BOB, big(50)));
      assertTrue(approve.isSuccess(), () -> EvmChain.describe(approve));
      assertEquals(List.of(topic(token.eventTopic("Approval")), topic(ALICE), topic(BOB)),
          approve.logs().get(0).topics());
      assertEquals(big(50), chain.query1(t, token, "allowance", ALICE, BOB));
      // allowance[ALICE][BOB] at keccak(BOB ++ keccak(ALICE ++ 4))
      Word inner = mappingSlot(Word.fromAddress(ALICE), 4);
      byte[] buf = new byte[64];
      Word.fromAddress(BOB).writeTo(buf, 0);
      inner.writeTo(buf, 32);
      assertEquals(Word.of(50), chain.state.storage(t, Word.fromBytes(Keccak256.digest(buf))));

      TransactionResult spend = chain.call(BOB, t, token.encodeCall("transferFrom", ALICE, CAROL, big(30)));
      assertTrue(spend.isSuccess(), () -> EvmChain.describe(spend));
      assertEquals(List.of(topic(token.eventTopic("Transfer")), topic(ALICE), topic(CAROL)),
          spend.logs().get(0).topics());
      assertEquals(big(20), chain.query1(t, token, "allowance", ALICE, BOB));
      assertEquals(big(30), balance(t, CAROL));
      assertRevertReason("Token: insufficient allowance",
          chain.call(BOB, t, token.encodeCall("transferFrom", ALICE, CAROL, big(21))));
      assertEquals(big(20), chain.query1(t, token, "allowance", ALICE, BOB));
    }
  }

  @Nested
  class FactoryContract {
    private final ContractArtifact factory = ContractArtifact.load("Factory");
    private final ContractArtifact child = ContractArtifact.load("Child");
    private final byte[] salt = Keccak256.digest("salt-1".getBytes(StandardCharsets.UTF_8));

    /** keccak256(0xff ++ deployer ++ salt ++ keccak256(initCode))[12:], computed here from the formula. */
    private Address create2(Address deployer, byte[] initCode) {
      byte[] buf = new byte[85];
      buf[0] = (byte) 0xff;
      System.arraycopy(deployer.bytes(), 0, buf, 1, 20);
      System.arraycopy(salt, 0, buf, 21, 32);
      System.arraycopy(Keccak256.digest(initCode), 0, buf, 53, 32);
      return new Address(Arrays.copyOfRange(Keccak256.digest(buf), 12, 32));
    }

    @Test
    void deploysTheChildAtTheCreate2AddressAndCallsIt() {
      Address f = chain.deployed(ALICE, factory);
      Address expected = create2(f, child.deployData(big(7)));
      assertEquals(expected, ContractAddress.create2(f, Word.fromBytes(salt), child.deployData(big(7))));
      assertEquals(expected, chain.query1(f, factory, "predict", salt, big(7)), "the contract's own formula");

      TransactionResult r = chain.send(BOB, f, Word.of(1000), factory.encodeCall("deploy", salt, big(7)));
      assertTrue(r.isSuccess(), () -> EvmChain.describe(r));
      assertEquals(List.of(expected), factory.decodeOutput("deploy", r.returnData()));
      assertTrue(r.gasUsed() > IntrinsicGas.TX + 32_000, "CREATE2 costs at least 32000: " + r.gasUsed());
      assertEquals(1, r.logs().size());
      assertEquals(List.of(topic(factory.eventTopic("Deployed")), topic(expected), Word.fromBytes(salt)),
          r.logs().get(0).topics());
      assertEquals(List.of(big(7)), Abi.decode(List.of("uint256"), r.logs().get(0).data()));

      assertEquals(Word.of(1000), chain.state.balance(expected), "the call value was forwarded to the child");
      assertEquals(Word.ZERO, chain.state.balance(f));
      assertEquals(2, chain.state.nonce(f), "the factory's nonce counts its CREATE2");
      assertEquals(1, chain.state.nonce(expected));
      assertEquals(f, chain.query1(expected, child, "factory"));
      assertEquals(big(7), chain.query1(expected, child, "value"));
      assertEquals(big(1), chain.query1(f, factory, "childCount"));
      assertEquals(expected, chain.query1(f, factory, "children", big(0)));

      assertEquals(big(9), chain.query1(f, factory, "setChildValue", expected, big(9)));
      assertEquals(big(9), chain.query1(expected, child, "value"));
      assertRevertReason("Child: only the factory", chain.call(BOB, expected, child.encodeCall("setValue",
          big(1))));
    }

    @Test
    void secondDeploymentWithTheSameSaltFails() {
      Address f = chain.deployed(ALICE, factory);
      assertTrue(chain.call(ALICE, f, factory.encodeCall("deploy", salt, big(1))).isSuccess());
      TransactionResult again = chain.call(ALICE, f, factory.encodeCall("deploy", salt, big(1)));
      assertReverted(again);
      assertEquals(0, again.returnData().length, "a failed `new` re-raises the creation's (empty) revert data");
      assertEquals(big(1), chain.query1(f, factory, "childCount"));
      // Another constructor argument is another init code, so another address.
      TransactionResult other = chain.call(ALICE, f, factory.encodeCall("deploy", salt, big(2)));
      assertEquals(List.of(create2(f, child.deployData(big(2)))), factory.decodeOutput("deploy",
          other.returnData()));
    }
  }

  @Nested
  class ReverterContract {
    private final ContractArtifact reverter = ContractArtifact.load("Reverter");

    @Test
    void requireRevertsWithErrorString() {
      Address c = chain.deployed(ALICE, reverter);
      assertEquals(big(6), chain.query1(c, reverter, "requirePositive", big(3)));
      TransactionResult r = chain.call(BOB, c, reverter.encodeCall("requirePositive", big(0)));
      assertRevertReason("Reverter: x must be positive", r);
      byte[] expected = Arrays.copyOf(Abi.ERROR_SELECTOR, 4 + 96);
      System.arraycopy(Abi.encode(List.of("string"), "Reverter: x must be positive"), 0, expected, 4, 96);
      assertArrayEquals(expected, r.returnData());
    }

    @Test
    void customErrorRevertsWithItsSelectorAndArguments() {
      Address c = chain.deployed(ALICE, reverter);
      TransactionResult r = chain.call(BOB, c, reverter.encodeCall("customError", big(42)));
      assertReverted(r);
      assertEquals("Unauthorized(address,uint256)", reverter.errorSignature("Unauthorized"));
      assertArrayEquals(Abi.encodeCall("Unauthorized(address,uint256)", BOB, big(42)), r.returnData());
      assertTrue(Abi.revertReason(r.returnData()).isEmpty());
    }

    @Test
    void divisionByZeroPanicsAndBareRevertHasNoData() {
      Address c = chain.deployed(ALICE, reverter);
      assertEquals(big(3), chain.query1(c, reverter, "divide", big(10), big(3)));
      TransactionResult panic = chain.call(BOB, c, reverter.encodeCall("divide", big(1), big(0)));
      assertReverted(panic);
      assertArrayEquals(Abi.encodeCall("Panic(uint256)", big(0x12)), panic.returnData());
      TransactionResult bare = chain.call(BOB, c, reverter.encodeCall("bareRevert"));
      assertReverted(bare);
      assertEquals(0, bare.returnData().length);
    }

    @Test
    void unknownSelectorReverts() {
      Address c = chain.deployed(ALICE, reverter);
      TransactionResult r = chain.call(BOB, c, Abi.encodeCall("noSuchFunction()"));
      assertReverted(r);
      assertEquals(0, r.returnData().length);
    }

    @Test
    void tryCatchSeesTheCalleesRevertData() {
      Address a = chain.deployed(ALICE, reverter);
      Address b = chain.deployed(ALICE, reverter);
      TransactionResult caught = chain.call(BOB, a, reverter.encodeCall("catchReason", b, big(0)));
      assertTrue(caught.isSuccess(), () -> EvmChain.describe(caught));
      assertEquals(List.of("Reverter: x must be positive"), reverter.decodeOutput("catchReason",
          caught.returnData()));
      Log log = caught.logs().get(0);
      assertEquals(a, log.address());
      byte[] selectorTopic = new byte[32];
      System.arraycopy(Abi.ERROR_SELECTOR, 0, selectorTopic, 0, 4); // bytes4 is left-aligned
      assertEquals(List.of(topic(reverter.eventTopic("Caught")), Word.fromBytes(selectorTopic)), log.topics());
      assertEquals(List.of("Reverter: x must be positive"), Abi.decode(List.of("string"), log.data()));
      assertEquals(List.of(""), chain.query(BOB, a, reverter, "catchReason", b, big(5)));

      TransactionResult custom = chain.call(BOB, a, reverter.encodeCall("catchCustom", b, big(7)));
      assertTrue(custom.isSuccess(), () -> EvmChain.describe(custom));
      byte[] data = (byte[]) reverter.decodeOutput("catchCustom", custom.returnData()).get(0);
      // msg.sender inside b is a, the calling contract
      assertArrayEquals(Abi.encodeCall("Unauthorized(address,uint256)", a, big(7)), data);
      assertArrayEquals(Arrays.copyOf(Abi.selector("Unauthorized(address,uint256)"), 32),
          custom.logs().get(0).topics().get(1).toBytes());
    }
  }
}
