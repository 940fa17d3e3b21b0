package org.cvmj.chain.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cvmj.chain.block.BaseFee;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.db.ChainDatabase;
import org.cvmj.chain.evm.ContractAddress;
import org.cvmj.chain.evm.InMemoryWorldState;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.sol.ContractArtifact;
import org.cvmj.chain.state.StateRoot;
import org.cvmj.chain.tx.CallRequest;
import org.cvmj.chain.tx.InvalidTransactionException.Reason;
import org.cvmj.chain.tx.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainTest {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger CHAIN_ID = BigInteger.valueOf(Genesis.DEV_CHAIN_ID);
  private static final BigInteger KEY0 = DevAccounts.privateKey(0);
  private static final BigInteger KEY1 = DevAccounts.privateKey(1);
  private static final Address DEV0 = DevAccounts.address(0);
  private static final Address DEV1 = DevAccounts.address(1);
  private static final Address DEV2 = DevAccounts.address(2);
  private static final ContractArtifact COUNTER = ContractArtifact.load("Counter");

  @TempDir
  Path dir;

  private ChainDatabase openDb() throws Exception {
    return ChainDatabase.open(dir.resolve("chain"), CHAIN_ID);
  }

  @Test
  void devAccountKeysFollowTheDocumentedSeed() {
    assertEquals(new BigInteger(1, org.cvmj.chain.crypto.Keccak256.digest(
        "cvm-chain dev account 0".getBytes(java.nio.charset.StandardCharsets.UTF_8))), KEY0);
    assertEquals(org.cvmj.chain.crypto.Secp256k1.address(KEY0), DEV0);
    assertFalse(DEV0.equals(DEV1));
    assertThrows(IllegalArgumentException.class, () -> DevAccounts.privateKey(-1));
  }

  @Test
  void genesisFundsTheDevAccounts() throws Exception {
    try (ChainDatabase db = openDb()) {
      Chain chain = Chain.open(db, Genesis.dev());
      BlockHeader head = chain.head();
      assertEquals(0, head.number());
      assertEquals(BigInteger.valueOf(1_000_000_000L), head.baseFeePerGas());
      for (int i = 0; i < Genesis.DEV_ACCOUNTS; i++) {
        assertEquals(Genesis.DEV_BALANCE, chain.balance(DevAccounts.address(i), 0));
        assertEquals(0, chain.nonce(DevAccounts.address(i), 0));
      }
      assertEquals(BigInteger.ZERO, chain.balance(Chain.DEV_COINBASE, 0));
      InMemoryWorldState reference = new InMemoryWorldState();
      for (int i = 0; i < Genesis.DEV_ACCOUNTS; i++) {
        reference.withAccount(DevAccounts.address(i), Word.fromBigInteger(Genesis.DEV_BALANCE), 0, new byte[0],
            Map.of());
      }
      assertEquals(StateRoot.of(reference), head.stateRoot());
      Block zero = chain.blockByNumber(0).orElseThrow();
      assertEquals(head.hash(), zero.hash());
      assertEquals(zero, chain.blockByHash(head.hash()).orElseThrow());
      assertThrows(ChainException.class, () -> chain.balance(DEV0, 1));
    }
  }

  @Test
  void transfersPayGasBurnTheBaseFeeAndTipTheCoinbase() throws Exception {
    try (ChainDatabase db = openDb()) {
      Chain chain = Chain.open(db, Genesis.dev());
      Transaction t1 = Transaction.legacy(CHAIN_ID, 0, GWEI.multiply(BigInteger.TWO), 21_000, DEV1, ETHER,
          new byte[0]).sign(KEY0);
      Transaction t2 = Transaction.dynamicFee(CHAIN_ID, 0, GWEI, GWEI.multiply(BigInteger.valueOf(3)), 21_000,
          DEV2, ETHER.divide(BigInteger.TWO), new byte[0], List.of()).sign(KEY1);
      ProducedBlock produced = chain.produceBlock(List.of(t1, t2), 12);
      Block block = produced.block();
      assertEquals(List.of(), produced.rejected());
      assertEquals(1, block.number());
      // parent used no gas: the base fee falls by 1/8
      BigInteger baseFee = BigInteger.valueOf(875_000_000L);
      assertEquals(baseFee, block.header().baseFeePerGas());
      assertEquals(42_000, block.header().gasUsed());
      assertEquals(Chain.DEV_COINBASE, block.header().coinbase());
      assertEquals(List.of(t1, t2), block.transactions());
      for (IncludedTransaction t : produced.included()) {
        assertEquals(21_000, t.gasUsed());
        assertTrue(t.isSuccess());
        assertEquals(null, t.contractAddress());
      }
      assertEquals(21_000, produced.included().get(0).receipt().cumulativeGasUsed());
      assertEquals(42_000, produced.included().get(1).receipt().cumulativeGasUsed());

      BigInteger gas = BigInteger.valueOf(21_000);
      BigInteger price2 = baseFee.add(GWEI); // min(3 gwei, base fee + 1 gwei tip)
      assertEquals(Genesis.DEV_BALANCE.subtract(ETHER).subtract(gas.multiply(GWEI.multiply(BigInteger.TWO))),
          chain.balance(DEV0, 1));
      assertEquals(Genesis.DEV_BALANCE.add(ETHER).subtract(ETHER.divide(BigInteger.TWO))
          .subtract(gas.multiply(price2)), chain.balance(DEV1, 1));
      assertEquals(Genesis.DEV_BALANCE.add(ETHER.divide(BigInteger.TWO)), chain.balance(DEV2, 1));
      BigInteger tips = gas.multiply(GWEI.multiply(BigInteger.TWO).subtract(baseFee)).add(gas.multiply(GWEI));
      assertEquals(tips, chain.balance(Chain.DEV_COINBASE, 1));
      BigInteger total = chain.balance(DEV0, 1).add(chain.balance(DEV1, 1)).add(chain.balance(DEV2, 1))
          .add(chain.balance(Chain.DEV_COINBASE, 1));
      BigInteger burnt = BigInteger.valueOf(42_000).multiply(baseFee);
      assertEquals(Genesis.DEV_BALANCE.multiply(BigInteger.valueOf(3)).subtract(burnt), total);
      assertEquals(1, chain.nonce(DEV0, 1));
      assertEquals(1, chain.nonce(DEV1, 1));
      assertEquals(0, chain.nonce(DEV0, 0));
      assertEquals(Genesis.DEV_BALANCE, chain.balance(DEV0, 0)); // the old state is still there

      StoredReceipt r = chain.receipt(t2.hash()).orElseThrow();
      assertEquals(1, r.index());
      assertEquals(1, r.blockNumber());
      assertEquals(block.hash(), r.blockHash());
      assertEquals(DEV1, r.sender());
      assertEquals(21_000, r.gasUsed());
      assertEquals(price2, r.effectiveGasPrice());
      assertTrue(r.receipt().success());
      assertTrue(chain.receipt(Hash.ZERO).isEmpty());
    }
  }

  @Test
  void deployAndCallCounterWithLogsAndBloom() throws Exception {
    try (ChainDatabase db = openDb()) {
      Chain chain = Chain.open(db, Genesis.dev());
      Transaction deploy = Transaction.dynamicFee(CHAIN_ID, 0, GWEI, GWEI.multiply(BigInteger.TEN), 1_000_000,
          null, BigInteger.ZERO, COUNTER.deployData(BigInteger.valueOf(5)), List.of()).sign(KEY0);
      ProducedBlock b1 = chain.produceBlock(List.of(deploy), 12);
      IncludedTransaction created = b1.included().get(0);
      Address counter = ContractAddress.create(DEV0, 0);
      assertTrue(created.isSuccess());
      assertEquals(counter, created.contractAddress());
      assertEquals(counter, chain.receipt(deploy.hash()).orElseThrow().contractAddress());
      assertTrue(chain.code(counter, 1).length > 0);
      assertEquals(Word.of(5), chain.storage(counter, Word.ZERO, 1));

      Transaction inc = Transaction.dynamicFee(CHAIN_ID, 1, GWEI, GWEI.multiply(BigInteger.TEN), 200_000,
          counter, BigInteger.ZERO, COUNTER.encodeCall("increment"), List.of()).sign(KEY0);
      Transaction add = Transaction.legacy(CHAIN_ID, 0, GWEI.multiply(BigInteger.TEN), 200_000, counter,
          BigInteger.ZERO, COUNTER.encodeCall("add", BigInteger.TEN)).sign(KEY1);
      ProducedBlock b2 = chain.produceBlock(List.of(inc, add), 24);
      assertEquals(2, b2.included().size());
      IncludedTransaction incResult = b2.included().get(0);
      assertTrue(incResult.isSuccess());
      assertEquals(List.of(BigInteger.valueOf(6)), COUNTER.decodeOutput("increment",
          incResult.result().returnData()));
      Receipt receipt = incResult.receipt();
      assertEquals(1, receipt.logs().size());
      Log log = receipt.logs().get(0);
      assertEquals(counter, log.address());
      assertEquals(Word.fromBytes(COUNTER.eventTopic("Incremented").bytes()), log.topics().get(0));
      assertEquals(Word.fromAddress(DEV0), log.topics().get(1));
      assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(6)),
          org.cvmj.chain.sol.Abi.decode(List.of("uint256", "uint256"), log.data()));
      assertTrue(receipt.bloom().mayContain(counter));
      assertTrue(receipt.bloom().mayContain(COUNTER.eventTopic("Incremented").bytes()));
      BlockHeader h2 = b2.block().header();
      assertTrue(h2.logsBloom().mayContain(counter));
      assertTrue(h2.logsBloom().mayContain(Word.fromAddress(DEV1).toBytes()));
      assertFalse(b1.block().header().logsBloom().mayContain(counter));
      assertEquals(Word.of(16), chain.storage(counter, Word.ZERO, 2));
      StoredReceipt second = chain.receipt(add.hash()).orElseThrow();
      assertEquals(1, second.firstLogIndex());
      assertEquals(h2.gasUsed() - incResult.gasUsed(), second.gasUsed());

      // eth_call: reads the state at a block, changes nothing
      TransactionResult count = chain.call(CallRequest.of(DEV2, counter, COUNTER.encodeCall("count")), 2);
      assertEquals(List.of(BigInteger.valueOf(16)), COUNTER.decodeOutput("count", count.returnData()));
      TransactionResult countAt1 = chain.call(CallRequest.of(DEV2, counter, COUNTER.encodeCall("count")), 1);
      assertEquals(List.of(BigInteger.valueOf(5)), COUNTER.decodeOutput("count", countAt1.returnData()));
      TransactionResult simulated = chain.call(CallRequest.of(DEV2, counter, COUNTER.encodeCall("increment")), 2);
      assertEquals(List.of(BigInteger.valueOf(17)), COUNTER.decodeOutput("increment", simulated.returnData()));
      assertEquals(Word.of(16), chain.storage(counter, Word.ZERO, 2));
      TransactionResult reverted = chain.call(CallRequest.of(DEV2, counter, COUNTER.encodeCall("reset")), 2);
      assertFalse(reverted.isSuccess());
      assertEquals("Counter: not the owner", org.cvmj.chain.sol.Abi.revertReason(reverted.returnData()).orElseThrow());

      // estimateGas: the least gas that succeeds
      CallRequest incCall = CallRequest.of(DEV2, counter, COUNTER.encodeCall("increment"));
      long estimate = chain.estimateGas(incCall);
      assertTrue(estimate > 21_000 && estimate < 200_000, "estimate " + estimate);
      assertTrue(chain.call(incCall.withGas(estimate), 2).isSuccess());
      assertFalse(chain.call(incCall.withGas(estimate - 1), 2).isSuccess());
      assertEquals(21_000, chain.estimateGas(CallRequest.transfer(DEV2, DEV1, ETHER)));
      ChainException e = assertThrows(ChainException.class,
          () -> chain.estimateGas(CallRequest.of(DEV2, counter, COUNTER.encodeCall("reset"))));
      assertEquals(ChainException.Reason.EXECUTION_FAILED, e.reason());
      assertTrue(e.getMessage().contains("Counter: not the owner"), e.getMessage());
    }
  }

  @Test
  void invalidTransactionsAreLeftOutWithAReason() throws Exception {
    try (ChainDatabase db = openDb()) {
      Chain chain = Chain.open(db, Genesis.dev());
      BigInteger poorKey = BigInteger.valueOf(123_456_789);
      Transaction good = Transaction.legacy(CHAIN_ID, 0, GWEI, 21_000, DEV2, ETHER, new byte[0]).sign(KEY0);
      Transaction badNonce = Transaction.legacy(CHAIN_ID, 5, GWEI, 21_000, DEV2, ETHER, new byte[0]).sign(KEY1);
      Transaction poor = Transaction.legacy(CHAIN_ID, 0, GWEI, 21_000, DEV2, ETHER, new byte[0]).sign(poorKey);
      Transaction otherChain = Transaction.legacy(BigInteger.ONE, 0, GWEI, 21_000, DEV2, ETHER, new byte[0])
          .sign(KEY1);
      Transaction replay = good; // same nonce again: now too low
      Transaction tooMuchGas = Transaction.legacy(CHAIN_ID, 0, GWEI, 40_000_000, DEV2, ETHER, new byte[0])
          .sign(KEY1);
      Transaction cheap = Transaction.legacy(CHAIN_ID, 0, BigInteger.ONE, 21_000, DEV2, ETHER, new byte[0])
          .sign(KEY1);
      ProducedBlock b = chain.produceBlock(List.of(good, badNonce, poor, otherChain, replay, tooMuchGas, cheap), 12);
      assertEquals(List.of(good), b.block().transactions());
      List<Reason> reasons = b.rejected().stream().map(RejectedTransaction::reason).toList();
      assertEquals(List.of(Reason.NONCE_MISMATCH, Reason.INSUFFICIENT_FUNDS, Reason.WRONG_CHAIN_ID,
          Reason.NONCE_MISMATCH, Reason.GAS_ABOVE_BLOCK_LIMIT, Reason.FEE_BELOW_BASE_FEE), reasons);
      assertEquals(badNonce.hash(), b.rejected().get(0).hash());
      assertTrue(b.rejected().get(0).message().contains("nonce"), b.rejected().get(0).message());
      assertEquals(0, chain.nonce(DEV1, 1));
      assertTrue(chain.receipt(badNonce.hash()).isEmpty());
      ChainException e = assertThrows(ChainException.class, () -> chain.produceBlock(List.of(), 12));
      assertEquals(ChainException.Reason.INVALID_BLOCK, e.reason());
    }
  }

  @Test
  void reopeningContinuesFromTheStoredHead() throws Exception {
    Hash headHash;
    Hash stateRoot;
    try (ChainDatabase db = openDb()) {
      Chain chain = Chain.open(db, Genesis.dev());
      chain.produceBlock(List.of(Transaction.legacy(CHAIN_ID, 0, GWEI, 21_000, DEV2, ETHER, new byte[0])
          .sign(KEY0)), 12);
      chain.produceBlock(List.of(Transaction.dynamicFee(CHAIN_ID, 0, GWEI, GWEI.multiply(BigInteger.TEN),
          1_000_000, null, BigInteger.ZERO, COUNTER.deployData(BigInteger.valueOf(7)), List.of()).sign(KEY1)), 24);
      headHash = chain.head().hash();
      stateRoot = chain.head().stateRoot();
    }
    try (ChainDatabase db = openDb()) {
      Chain chain = Chain.open(db, Genesis.dev());
      assertEquals(headHash, chain.head().hash());
      assertEquals(2, chain.head().number());
      assertEquals(stateRoot, chain.head().stateRoot());
      assertEquals(1, chain.nonce(DEV0, 2));
      assertEquals(Genesis.DEV_BALANCE.add(ETHER), chain.balance(DEV2, 2));
      Address counter = ContractAddress.create(DEV1, 0);
      assertEquals(Word.of(7), chain.storage(counter, Word.ZERO, 2));
      ProducedBlock b3 = chain.produceBlock(List.of(Transaction.legacy(CHAIN_ID, 1, GWEI, 21_000, DEV2, ETHER,
          new byte[0]).sign(KEY0)), 36);
      assertEquals(3, b3.block().number());
      assertEquals(headHash, b3.block().header().parentHash());
      assertEquals(1, b3.included().size());
      assertEquals(Genesis.DEV_BALANCE.add(ETHER).add(ETHER), chain.balance(DEV2, 3));
      TransactionResult count = chain.call(CallRequest.of(DEV0, counter, COUNTER.encodeCall("count")), 3);
      assertEquals(List.of(BigInteger.valueOf(7)), COUNTER.decodeOutput("count", count.returnData()));
    }
    try (ChainDatabase db = openDb()) {
      Genesis other = Genesis.dev(Genesis.DEV_CHAIN_ID, 3);
      ChainException e = assertThrows(ChainException.class, () -> Chain.open(db, other));
      assertEquals(ChainException.Reason.GENESIS_MISMATCH, e.reason());
      assertNotNull(e.getMessage());
    }
  }
}
