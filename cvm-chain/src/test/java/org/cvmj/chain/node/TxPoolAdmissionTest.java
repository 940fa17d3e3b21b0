package org.cvmj.chain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.db.ChainDatabase;
import org.cvmj.chain.rpc.BlockSelector;
import org.cvmj.chain.rpc.RpcException;
import org.cvmj.chain.tx.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool admission on a node that mines only when told ({@code evm_mine}): the balance must cover a transaction
 * plus the sender's pooled ones before it, and nonce gaps queue transactions until filled, as in geth.
 */
class TxPoolAdmissionTest {
  static final BigInteger GWEI = DevNodeRpcTest.GWEI;
  static final BigInteger ETHER = DevNodeRpcTest.ETHER;
  static final BigInteger KEY = new BigInteger("5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed", 16);
  static final Address SINK = Address.fromHex("0x00000000000000000000000000000000000051c0");

  @TempDir
  Path dir;
  ChainDatabase db;
  DevNode node;
  Address sender;

  @BeforeEach
  void start() throws Exception {
    db = ChainDatabase.open(dir, DevNodeRpcTest.CHAIN);
    node = new DevNode(Chain.open(db, Genesis.dev(Genesis.DEV_CHAIN_ID, Genesis.DEV_ACCOUNTS)),
        () -> System.currentTimeMillis() / 1000, 86_400); // a block a day: in a test, only evm_mine mines
    sender = tx(0, BigInteger.ZERO).sender();
    node.sendRawTransaction(DevNodeRpcTest.transfer(0, 0, sender, ETHER, DevNodeRpcTest.CHAIN).encode());
    node.mine(OptionalLong.empty());
    assertEquals(ETHER, node.balance(sender, BlockSelector.LATEST));
  }

  @AfterEach
  void stop() {
    node.close();
    db.close();
  }

  /** A 21000-gas transfer to SINK from the test key with a fee cap of 10 gwei: cost 0.00021 ETH + value. */
  static Transaction tx(long nonce, BigInteger value) {
    return Transaction.dynamicFee(DevNodeRpcTest.CHAIN, nonce, GWEI, GWEI.multiply(BigInteger.TEN), 21_000, SINK,
        value, new byte[0], List.of()).sign(KEY);
  }

  static BigInteger milliEther(long n) {
    return ETHER.divide(BigInteger.valueOf(1000)).multiply(BigInteger.valueOf(n));
  }

  @Test
  void pooledTransactionsBeforeANonceCountAgainstTheBalance() throws Exception {
    BigInteger fee = BigInteger.valueOf(21_000).multiply(GWEI.multiply(BigInteger.TEN)); // 0.00021 ETH
    node.sendRawTransaction(tx(0, milliEther(600)).encode());
    node.sendRawTransaction(tx(1, milliEther(300)).encode());
    // 600 + 300 + 200 milli-ether (plus fees) is more than the 1 ether balance
    RpcException e = assertThrows(RpcException.class, () -> node.sendRawTransaction(tx(2, milliEther(200)).encode()));
    BigInteger queued = milliEther(900).add(fee.shiftLeft(1));
    BigInteger cost = milliEther(200).add(fee);
    assertEquals("insufficient funds for gas * price + value: balance " + ETHER + ", queued cost " + queued
        + ", tx cost " + cost + ", overshot " + queued.add(cost).subtract(ETHER), e.getMessage());
    // what still fits is accepted
    node.sendRawTransaction(tx(2, milliEther(90)).encode());
    // replacing nonce 1 does not count the replaced transaction: its cost is given back
    Transaction bump = Transaction.dynamicFee(DevNodeRpcTest.CHAIN, 1, GWEI.shiftLeft(1),
        GWEI.multiply(BigInteger.valueOf(20)), 21_000, SINK, milliEther(300), new byte[0], List.of()).sign(KEY);
    node.sendRawTransaction(bump.encode());
    node.mine(OptionalLong.empty());
    assertEquals(3, node.nonce(sender, BlockSelector.LATEST));
  }

  @Test
  void aNonceGapQueuesUntilFilledThenAllAreMined() throws Exception {
    var late = node.sendRawTransaction(tx(2, milliEther(1)).encode());
    var later = node.sendRawTransaction(tx(3, milliEther(1)).encode());
    node.mine(OptionalLong.empty());
    assertEquals(2, node.blockNumber());
    assertEquals(0, node.nonce(sender, BlockSelector.LATEST));
    assertTrue(node.receipt(late).isEmpty());
    assertTrue(node.transaction(late).isPresent()); // still pooled
    assertEquals(0, node.nonce(sender, new BlockSelector.Tagged(BlockSelector.Tag.PENDING)));

    node.sendRawTransaction(tx(0, milliEther(1)).encode());
    assertEquals(1, node.nonce(sender, new BlockSelector.Tagged(BlockSelector.Tag.PENDING)));
    node.sendRawTransaction(tx(1, milliEther(1)).encode());
    assertEquals(4, node.nonce(sender, new BlockSelector.Tagged(BlockSelector.Tag.PENDING)));
    node.mine(OptionalLong.empty());
    assertEquals(4, node.nonce(sender, BlockSelector.LATEST));
    assertEquals(3, node.blockNumber());
    assertEquals(3, node.receipt(later).orElseThrow().blockNumber());
    assertEquals(milliEther(4), node.balance(SINK, BlockSelector.LATEST));
  }
}
