package org.cvmj.chain.e2e;

import static org.cvmj.chain.e2e.Web3jNode.GAS;
import static org.cvmj.chain.e2e.Web3jNode.dev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.cvmj.chain.contracts.Counter;
import org.cvmj.chain.contracts.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;

/**
 * The committed contracts driven through their web3j-generated wrappers over HTTP: deployment, views,
 * transactions, events from receipts and from {@code eth_getLogs}, gas estimates, and calls at past blocks.
 */
class ContractsThroughWeb3jTest {
  static final Credentials OWNER = dev(0);
  static final Credentials ALICE = dev(1);
  static final Credentials BOB = dev(2);

  @TempDir Path dir;
  Web3jNode chain;

  @BeforeEach
  void start() throws Exception {
    chain = Web3jNode.start(dir);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  void counterViewsTransactionsEventsAndPastState() throws Exception {
    Counter counter = Counter.deploy(chain.web3j, chain.manager(OWNER), GAS, BigInteger.valueOf(5)).send();
    BigInteger deployBlock = counter.getTransactionReceipt().orElseThrow().getBlockNumber();
    assertEquals(BigInteger.valueOf(5), counter.count().send());
    assertEquals(OWNER.getAddress(), counter.owner().send());

    TransactionReceipt added = counter.add(BigInteger.valueOf(7)).send();
    assertTrue(added.isStatusOK());
    assertEquals(deployBlock.add(BigInteger.ONE), added.getBlockNumber());
    List<Counter.IncrementedEventResponse> events = Counter.getIncrementedEvents(added);
    assertEquals(1, events.size());
    assertEquals(OWNER.getAddress(), events.get(0).by);
    assertEquals(BigInteger.valueOf(7), events.get(0).amount);
    assertEquals(BigInteger.valueOf(12), events.get(0).newCount);
    assertEquals(BigInteger.valueOf(12), counter.count().send());
    assertEquals(OWNER.getAddress(), counter.lastCaller().send());

    Counter asAlice = Counter.load(counter.getContractAddress(), chain.web3j, chain.manager(ALICE), GAS);
    asAlice.increment().send();
    asAlice.setLabel("tallied by alice").send();
    assertEquals(BigInteger.valueOf(13), counter.count().send());
    assertEquals(ALICE.getAddress(), counter.lastCaller().send());
    assertEquals("tallied by alice", counter.label().send());

    // Only the owner may reset: the transaction is mined and fails, and web3j finds the reason by replaying it.
    TransactionException refused = assertThrows(TransactionException.class, () -> asAlice.reset().send());
    assertTrue(refused.getMessage().contains("Counter: not the owner"), refused.getMessage());
    TransactionReceipt failed = refused.getTransactionReceipt().orElseThrow();
    assertEquals("0x0", failed.getStatus());
    assertEquals(BigInteger.valueOf(13), counter.count().send());

    // The same view at earlier blocks sees the state of then.
    counter.setDefaultBlockParameter(DefaultBlockParameter.valueOf(deployBlock));
    assertEquals(BigInteger.valueOf(5), counter.count().send());
    counter.setDefaultBlockParameter(DefaultBlockParameter.valueOf(added.getBlockNumber()));
    assertEquals(BigInteger.valueOf(12), counter.count().send());
    assertEquals("", counter.label().send());
    counter.setDefaultBlockParameter(DefaultBlockParameterName.LATEST);
    assertEquals(BigInteger.valueOf(13), counter.count().send());

    TransactionReceipt reset = counter.reset().send();
    assertEquals(OWNER.getAddress(), Counter.getResetEvents(reset).get(0).by);
    assertEquals(BigInteger.ZERO, counter.count().send());
  }

  @Test
  void tokenTransfersAreEventsInReceiptsAndInGetLogs() throws Exception {
    BigInteger supply = BigInteger.valueOf(1_000_000);
    Token token = Token.deploy(chain.web3j, chain.manager(OWNER), GAS, "Test Token", "TT", supply).send();
    Token.TransferEventResponse minted = Token.getTransferEvents(token.getTransactionReceipt().orElseThrow()).get(0);
    assertEquals("0x0000000000000000000000000000000000000000", minted.from);
    assertEquals(OWNER.getAddress(), minted.to);
    assertEquals(supply, minted.value);
    assertEquals("TT", token.symbol().send());
    assertEquals(BigInteger.valueOf(18), token.decimals().send());

    TransactionReceipt toAlice = token.transfer(ALICE.getAddress(), BigInteger.valueOf(300)).send();
    TransactionReceipt toBob = token.transfer(BOB.getAddress(), BigInteger.valueOf(200)).send();
    Token asAlice = Token.load(token.getContractAddress(), chain.web3j, chain.manager(ALICE), GAS);
    asAlice.approve(BOB.getAddress(), BigInteger.valueOf(50)).send();
    Token asBob = Token.load(token.getContractAddress(), chain.web3j, chain.manager(BOB), GAS);
    TransactionReceipt pulled = asBob.transferFrom(ALICE.getAddress(), BOB.getAddress(), BigInteger.valueOf(40))
        .send();
    Token.TransferEventResponse pull = Token.getTransferEvents(pulled).get(0);
    assertEquals(ALICE.getAddress(), pull.from);
    assertEquals(BOB.getAddress(), pull.to);
    assertEquals(BigInteger.valueOf(40), pull.value);
    assertEquals(BigInteger.valueOf(260), token.balanceOf(ALICE.getAddress()).send());
    assertEquals(BigInteger.valueOf(240), token.balanceOf(BOB.getAddress()).send());
    assertEquals(BigInteger.valueOf(10), token.allowance(ALICE.getAddress(), BOB.getAddress()).send());
    assertEquals(supply.subtract(BigInteger.valueOf(500)), token.balanceOf(OWNER.getAddress()).send());

    String transferTopic = EventEncoder.encode(Token.TRANSFER_EVENT);
    List<Log> all = logs(new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
        token.getContractAddress()).addSingleTopic(transferTopic));
    assertEquals(4, all.size(), "mint, two transfers and one transferFrom");
    List<BigInteger> values = all.stream().map(l -> Token.getTransferEventFromLog(l).value).toList();
    assertEquals(List.of(supply, BigInteger.valueOf(300), BigInteger.valueOf(200), BigInteger.valueOf(40)), values);

    // Topic filters: any sender (null), recipient Bob.
    List<Log> toBobLogs = logs(new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
        token.getContractAddress()).addSingleTopic(transferTopic).addNullTopic()
        .addSingleTopic(topic(BOB.getAddress())));
    assertEquals(List.of(toBob.getTransactionHash(), pulled.getTransactionHash()),
        toBobLogs.stream().map(Log::getTransactionHash).toList());

    // A block range holding only the transfer to Alice, any event of any contract.
    DefaultBlockParameter aliceBlock = DefaultBlockParameter.valueOf(toAlice.getBlockNumber());
    List<Log> inBlock = logs(new EthFilter(aliceBlock, aliceBlock, List.of()));
    assertEquals(1, inBlock.size());
    Log log = inBlock.get(0);
    assertEquals(toAlice.getLogs().get(0), log);
    assertEquals(toAlice.getBlockHash(), log.getBlockHash());
    assertEquals(BigInteger.valueOf(300), Token.getTransferEventFromLog(log).value);

    // Approval events are a different topic: none of them is in the Transfer query.
    String approvalTopic = EventEncoder.encode(Token.APPROVAL_EVENT);
    assertEquals(1, logs(new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
        List.of()).addOptionalTopics(approvalTopic)).size());
  }

  @Test
  void estimateIsTheLeastGasThatSucceeds() throws Exception {
    Counter counter = Counter.deploy(chain.web3j, chain.manager(OWNER), GAS, BigInteger.valueOf(1)).send();
    Token token = Token.deploy(chain.web3j, chain.manager(OWNER), GAS, "T", "T", BigInteger.TEN).send();
    // reset() clears a slot (a refund, which the estimate cannot count on); transfer() writes two balances;
    // increment() uses transient storage.
    List<Call> calls = List.of(
        new Call(counter.getContractAddress(), new Function("increment", List.of(), List.of())),
        new Call(token.getContractAddress(), new Function("transfer",
            List.of(new Address(ALICE.getAddress()), new Uint256(3)), List.of())),
        new Call(counter.getContractAddress(), new Function("reset", List.of(), List.of())));
    for (Call call : calls) {
      String data = FunctionEncoder.encode(call.function());
      BigInteger estimate = chain.web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
          OWNER.getAddress(), null, null, null, call.to(), data)).send().getAmountUsed();

      TransactionReceipt tooLittle = chain.mined(chain.eip1559(OWNER, estimate.subtract(BigInteger.ONE), call.to(),
          BigInteger.ZERO, data), OWNER);
      assertEquals("0x0", tooLittle.getStatus(), call.function().getName() + " with one gas less than estimated");

      TransactionReceipt enough = chain.mined(chain.eip1559(OWNER, estimate, call.to(), BigInteger.ZERO, data),
          OWNER);
      assertEquals("0x1", enough.getStatus(), call.function().getName() + " with the estimate");
      assertTrue(enough.getGasUsed().compareTo(estimate) <= 0,
          "used " + enough.getGasUsed() + " > estimate " + estimate);
    }
    assertEquals(BigInteger.ZERO, counter.count().send());
    assertEquals(BigInteger.valueOf(3), token.balanceOf(ALICE.getAddress()).send());
  }

  private List<Log> logs(EthFilter filter) throws Exception {
    EthLog response = chain.web3j.ethGetLogs(filter).send();
    if (response.hasError()) {
      throw new AssertionError("eth_getLogs: " + response.getError().getMessage());
    }
    return response.getLogs().stream().map(r -> (Log) r.get()).toList();
  }

  private static String topic(String address) {
    return "0x" + TypeEncoder.encode(new Address(address));
  }

  private record Call(String to, Function function) {}
}
