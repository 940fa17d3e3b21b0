package org.cvmj.chain.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What a client saw of a chain, to compare after a restart: each block's hash and state root up to the head, and
 * the receipts of chosen transactions.
 *
 * @param blocks hash and state root of blocks 0..head, by number
 * @param receipts receipts by transaction hash
 */
record ChainSnapshot(List<BlockId> blocks, Map<String, TransactionReceipt> receipts) {
  /** A block as identified by the client. */
  record BlockId(BigInteger number, String hash, String stateRoot) {}

  static ChainSnapshot take(Web3j web3j, long head, List<String> txHashes) throws IOException {
    List<BlockId> blocks = new ArrayList<>();
    for (long n = 0; n <= head; n++) {
      blocks.add(block(web3j, n));
    }
    Map<String, TransactionReceipt> receipts = new LinkedHashMap<>();
    for (String h : txHashes) {
      receipts.put(h, web3j.ethGetTransactionReceipt(h).send().getTransactionReceipt()
          .orElseThrow(() -> new AssertionError("no receipt for " + h)));
    }
    return new ChainSnapshot(List.copyOf(blocks), Map.copyOf(receipts));
  }

  static BlockId block(Web3j web3j, long number) throws IOException {
    EthBlock.Block b = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
        .send().getBlock();
    if (b == null) {
      throw new AssertionError("block " + number + " is missing");
    }
    return new BlockId(b.getNumber(), b.getHash(), b.getStateRoot());
  }

  /** Checks that {@code web3j}'s chain still has every block and receipt of this snapshot, unchanged. */
  void assertStillIn(Web3j web3j) throws IOException {
    for (BlockId b : blocks) {
      assertEquals(b, block(web3j, b.number().longValueExact()), "block " + b.number());
    }
    for (Map.Entry<String, TransactionReceipt> e : receipts.entrySet()) {
      assertEquals(e.getValue(), web3j.ethGetTransactionReceipt(e.getKey()).send().getTransactionReceipt()
          .orElseThrow(() -> new AssertionError("the receipt of " + e.getKey() + " is lost")),
          "receipt of " + e.getKey());
    }
  }
}
