package org.cvmj.chain.state;

import java.util.List;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpWriter;

/**
 * keccak(RLP(list of [address, [topics], data])): the digest of a transaction's logs that state tests compare,
 * and the log encoding receipts use.
 */
public final class LogsHash {
  private LogsHash() {}

  public static Hash of(List<Log> logs) {
    return Keccak256.hash(encode(logs));
  }

  /** RLP of the list of logs. */
  public static byte[] encode(List<Log> logs) {
    RlpWriter w = new RlpWriter().startList();
    for (Log log : logs) {
      w.startList().writeBytes(log.address().bytes()).startList();
      for (Word topic : log.topics()) {
        w.writeBytes(topic.toBytes());
      }
      w.endList().writeBytes(log.data()).endList();
    }
    return w.endList().toByteArray();
  }
}
