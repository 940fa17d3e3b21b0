package org.cvmj.chain.node;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.chain.StoredReceipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rpc.BlockView;
import org.cvmj.chain.rpc.LogView;
import org.cvmj.chain.rpc.ReceiptView;
import org.cvmj.chain.rpc.TransactionView;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.chain.tx.TxType;

/** The JSON-RPC views of the chain's blocks, transactions, receipts and logs. */
final class RpcViews {
  private RpcViews() {}

  /** A mined transaction ({@code block} non-null, at {@code index}) or a pending one ({@code block} null). */
  static TransactionView transaction(Transaction tx, Address from, Block block, int index) {
    BigInteger gasPrice;
    if (tx.type() != TxType.DYNAMIC_FEE) {
      gasPrice = tx.gasPrice();
    } else {
      gasPrice = block == null ? tx.maxFeePerGas() : tx.effectiveGasPrice(block.header().baseFeePerGas());
    }
    boolean typed = tx.type() != TxType.LEGACY;
    return new TransactionView(tx.hash(), tx.type().code, tx.nonce(), block == null ? null : block.hash(),
        block == null ? null : block.number(), block == null ? null : index, from, tx.to(), tx.value(),
        tx.gasLimit(), gasPrice, tx.type() == TxType.DYNAMIC_FEE ? tx.maxFeePerGas() : null,
        tx.type() == TxType.DYNAMIC_FEE ? tx.maxPriorityFeePerGas() : null, tx.data(),
        typed ? tx.accessList() : null, tx.chainId(), tx.v(), tx.r(), tx.s());
  }

  static ReceiptView receipt(StoredReceipt r) {
    Receipt receipt = r.receipt();
    List<LogView> logs = logs(receipt, r.blockNumber(), r.blockHash(), r.hash(), r.index(), r.firstLogIndex());
    return new ReceiptView(r.hash(), r.index(), r.blockHash(), r.blockNumber(), r.sender(),
        r.transaction().to(), receipt.cumulativeGasUsed(), r.gasUsed(), r.effectiveGasPrice(),
        r.contractAddress(), logs, receipt.bloom().bytes(), receipt.type().code, receipt.success() ? 1 : 0);
  }

  /** The logs of one receipt, numbered from {@code firstLogIndex} within the block. */
  static List<LogView> logs(Receipt receipt, long blockNumber, Hash blockHash, Hash txHash, int txIndex,
      int firstLogIndex) {
    List<LogView> out = new ArrayList<>();
    int logIndex = firstLogIndex;
    for (Log log : receipt.logs()) {
      List<Hash> topics = new ArrayList<>();
      for (Word t : log.topics()) {
        topics.add(new Hash(t.toBytes()));
      }
      out.add(new LogView(log.address(), topics, log.data(), blockNumber, txHash, txIndex, blockHash, logIndex++,
          false));
    }
    return out;
  }

  /** A block with full transactions; {@code senders} are its transactions' senders in order. */
  static BlockView block(Block block, List<Address> senders) {
    BlockHeader h = block.header();
    List<TransactionView> txs = new ArrayList<>();
    for (int i = 0; i < block.transactions().size(); i++) {
      txs.add(transaction(block.transactions().get(i), senders.get(i), block, i));
    }
    byte[] nonce = BigInteger.valueOf(h.nonce()).toByteArray();
    byte[] nonce8 = new byte[8];
    System.arraycopy(nonce, Math.max(0, nonce.length - 8), nonce8, Math.max(0, 8 - nonce.length),
        Math.min(8, nonce.length));
    return new BlockView(h.number(), block.hash(), h.parentHash(), nonce8, h.ommersHash(), h.logsBloom().bytes(),
        h.transactionsRoot(), h.stateRoot(), h.receiptsRoot(), h.coinbase(), h.difficulty(), h.extraData(),
        block.encode().length, h.gasLimit(), h.gasUsed(), h.timestamp(), h.mixHash(), h.baseFeePerGas(),
        h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(), txs, List.of());
  }
}
