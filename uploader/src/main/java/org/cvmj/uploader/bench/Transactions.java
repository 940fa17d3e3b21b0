package org.cvmj.uploader.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.Rpc;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Sends pre-signed transactions of one account and collects their receipts, which must all have succeeded. */
final class Transactions {
  private static final Duration POLL = Duration.ofMillis(5);

  private final Rpc rpc;
  private final Duration timeout;

  Transactions(Rpc rpc, Duration timeout) {
    this.rpc = rpc;
    this.timeout = timeout;
  }

  /**
   * Sends {@code txs} one after another by {@code eth_sendRawTransaction} and waits for the last one's receipt;
   * returns the nanoseconds from the first send to that receipt. Consecutive nonces of one sender: when the last
   * is mined, all are.
   */
  long sendAll(List<PreSigner.Signed> txs) throws NodeException {
    long start = System.nanoTime();
    for (PreSigner.Signed tx : txs) {
      rpc.send(rpc.web3j().ethSendRawTransaction(tx.raw()), "eth_sendRawTransaction");
    }
    await(txs.get(txs.size() - 1));
    return System.nanoTime() - start;
  }

  /** The gas each of {@code txs} used, in order; a missing or failed receipt is an error. */
  List<Long> gasUsed(List<PreSigner.Signed> txs) throws NodeException {
    List<Long> gas = new ArrayList<>(txs.size());
    for (PreSigner.Signed tx : txs) {
      gas.add(await(tx).getGasUsed().longValueExact());
    }
    return gas;
  }

  /** The receipt of {@code tx}, waiting for it to be mined; it must have status 1. */
  TransactionReceipt await(PreSigner.Signed tx) throws NodeException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> r = rpc.send(rpc.web3j().ethGetTransactionReceipt(tx.hash()),
          "eth_getTransactionReceipt").getTransactionReceipt();
      if (r.isPresent()) {
        if (!r.get().isStatusOK()) {
          throw new NodeException("transaction " + tx.hash() + " failed (status " + r.get().getStatus() + ", gas used "
              + r.get().getGasUsed() + "); every benchmark transaction must succeed");
        }
        return r.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new NodeException("no receipt for " + tx.hash() + " after " + timeout.toSeconds() + " s from the node at "
            + rpc.url() + "; the benchmark needs a node that mines (automine or a block time)");
      }
      Rpc.pause(POLL);
    }
  }
}
