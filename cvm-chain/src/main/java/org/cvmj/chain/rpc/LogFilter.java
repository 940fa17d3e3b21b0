package org.cvmj.chain.rpc;

import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;

/**
 * An {@code eth_getLogs} / {@code eth_newFilter} filter. Either {@code blockHash} is set (one block) or the range
 * {@code fromBlock..toBlock} (each defaulting to {@code latest}). {@code addresses} empty means any address.
 * {@code topics} has at most four positions; an empty inner list means "any topic here", otherwise the log's
 * topic at that position must be one of the listed hashes.
 */
public record LogFilter(
    BlockSelector fromBlock,
    BlockSelector toBlock,
    Hash blockHash,
    List<Address> addresses,
    List<List<Hash>> topics) {

  public LogFilter {
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
    if (blockHash != null && (fromBlock != null || toBlock != null)) {
      throw new IllegalArgumentException(
          "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    }
    if (blockHash == null) {
      fromBlock = fromBlock == null ? BlockSelector.LATEST : fromBlock;
      toBlock = toBlock == null ? BlockSelector.LATEST : toBlock;
    }
  }

  /** Whether a log's address and topics pass this filter (the block range is the backend's to apply). */
  public boolean matches(LogView log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      if (!topics.get(i).isEmpty() && !topics.get(i).contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The same address and topic criteria over the numbered range {@code from..to}. */
  public LogFilter withRange(long from, long to) {
    return new LogFilter(new BlockSelector.Number(from), new BlockSelector.Number(to), null, addresses, topics);
  }
}
