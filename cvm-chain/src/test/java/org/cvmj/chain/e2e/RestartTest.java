package org.cvmj.chain.e2e;

import static org.cvmj.chain.e2e.Web3jNode.GAS;
import static org.cvmj.chain.e2e.Web3jNode.dev;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.contracts.Counter;
import org.cvmj.chain.contracts.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A node closed and reopened on the same data directory serves the same chain (blocks, state roots, receipts,
 * balances, code, contract storage) and continues it.
 */
class RestartTest {
  static final Credentials OWNER = dev(6);
  static final Credentials OTHER = dev(7);

  @TempDir Path dir;

  @Test
  void reopenedNodeServesTheSameChainAndContinuesIt() throws Exception {
    List<String> txs = new ArrayList<>();
    String tokenAddress;
    String counterAddress;
    ChainSnapshot before;
    BigInteger ownerBalance;
    BigInteger otherBalance;
    byte[] tokenCode;
    long head;
    try (Web3jNode chain = Web3jNode.start(dir)) {
      Token token = Token.deploy(chain.web3j, chain.manager(OWNER), GAS, "R", "R", BigInteger.valueOf(1000)).send();
      Counter counter = Counter.deploy(chain.web3j, chain.manager(OTHER), GAS, BigInteger.ZERO).send();
      tokenAddress = token.getContractAddress();
      counterAddress = counter.getContractAddress();
      txs.add(token.getTransactionReceipt().orElseThrow().getTransactionHash());
      txs.add(counter.getTransactionReceipt().orElseThrow().getTransactionHash());
      for (int i = 1; i <= 3; i++) {
        txs.add(token.transfer(OTHER.getAddress(), BigInteger.valueOf(i)).send().getTransactionHash());
        txs.add(counter.add(BigInteger.valueOf(i)).send().getTransactionHash());
        txs.add(chain.mined(chain.eip1559(OWNER, BigInteger.valueOf(21_000), OTHER.getAddress(),
            BigInteger.valueOf(i), "0x"), OWNER).getTransactionHash());
      }
      head = chain.web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
      assertEquals(txs.size(), head, "automine: one block per transaction");
      before = ChainSnapshot.take(chain.web3j, head, txs);
      ownerBalance = chain.balance(OWNER.getAddress());
      otherBalance = chain.balance(OTHER.getAddress());
      tokenCode = code(chain, tokenAddress);
    }

    try (Web3jNode chain = Web3jNode.start(dir)) {
      assertEquals(BigInteger.valueOf(head), chain.web3j.ethBlockNumber().send().getBlockNumber());
      before.assertStillIn(chain.web3j);
      assertEquals(ownerBalance, chain.balance(OWNER.getAddress()));
      assertEquals(otherBalance, chain.balance(OTHER.getAddress()));
      assertArrayEquals(tokenCode, code(chain, tokenAddress));
      Token token = Token.load(tokenAddress, chain.web3j, chain.manager(OWNER), GAS);
      Counter counter = Counter.load(counterAddress, chain.web3j, chain.manager(OTHER), GAS);
      assertEquals(BigInteger.valueOf(6), token.balanceOf(OTHER.getAddress()).send());
      assertEquals(BigInteger.valueOf(6), counter.count().send());
      assertEquals(BigInteger.valueOf(4), chain.nonce(OTHER.getAddress()), "deploy and three adds");

      TransactionReceipt next = counter.increment().send();
      assertEquals(BigInteger.valueOf(head + 1), next.getBlockNumber());
      EthBlock.Block block = chain.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
          .getBlock();
      assertEquals(before.blocks().get((int) head).hash(), block.getParentHash());
      assertEquals(BigInteger.valueOf(7), counter.count().send());
      RawTransaction transfer = chain.eip1559(OWNER, BigInteger.valueOf(21_000), OTHER.getAddress(), BigInteger.ONE,
          "0x");
      assertTrue(chain.mined(transfer, OWNER).isStatusOK());
      assertEquals(otherBalance.add(BigInteger.ONE), chain.balance(OTHER.getAddress()).add(
          next.getGasUsed().multiply(Numeric.decodeQuantity(next.getEffectiveGasPrice()))));
    }
  }

  private static byte[] code(Web3jNode chain, String address) throws Exception {
    return Numeric.hexStringToByteArray(chain.web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send()
        .getCode());
  }
}
