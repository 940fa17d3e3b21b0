package org.cvmj.chain.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.state.LogsHash;
import org.cvmj.chain.tx.TxType;

/**
 * A transaction receipt in its consensus form (post-Byzantium, EIP-658): the status, the gas used by the block
 * up to and including this transaction, the bloom of the logs and the logs. {@link #encode()} is
 * {@code RLP([status, cumulativeGasUsed, bloom, logs])} for a legacy transaction and {@code type || RLP(...)}
 * for a typed one (EIP-2718), which is what the receipts trie holds.
 */
public record Receipt(TxType type, boolean success, long cumulativeGasUsed, LogsBloom bloom, List<Log> logs) {

  public Receipt {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(bloom, "bloom");
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs. */
  public static Receipt of(TxType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /** The consensus encoding. */
  public byte[] encode() {
    RlpWriter w = new RlpWriter().startList();
    if (success) {
      w.writeLong(1);
    } else {
      w.writeBytes(new byte[0]);
    }
    w.writeLong(cumulativeGasUsed).writeBytes(bloom.bytes()).writeRaw(LogsHash.encode(logs)).endList();
    byte[] rlp = w.toByteArray();
    if (type == TxType.LEGACY) {
      return rlp;
    }
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) type.code;
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  /**
   * Decodes {@link #encode()}'s output. Fails on non-canonical RLP, an unknown type byte, a status other than
   * empty or 1 (pre-Byzantium state roots are not supported), or a bloom that does not match the logs.
   */
  public static Receipt decode(byte[] encoded) throws RlpException {
    if (encoded.length == 0) {
      throw new RlpException(0, "empty receipt");
    }
    int first = encoded[0] & 0xff;
    TxType type;
    int start;
    if (first >= 0xc0) {
      type = TxType.LEGACY;
      start = 0;
    } else if (first == TxType.ACCESS_LIST.code || first == TxType.DYNAMIC_FEE.code) {
      type = first == 1 ? TxType.ACCESS_LIST : TxType.DYNAMIC_FEE;
      start = 1;
    } else {
      throw new RlpException(0, "receipt type " + first + " is not supported (legacy, 1 or 2)");
    }
    RlpReader outer = new RlpReader(encoded, start, encoded.length);
    RlpReader r = outer.readList();
    outer.requireEnd();
    int at = r.position();
    byte[] status = r.readBytes();
    boolean success;
    if (status.length == 0) {
      success = false;
    } else if (status.length == 1 && status[0] == 1) {
      success = true;
    } else {
      throw new RlpException(at, "receipt status must be empty (failure) or 1 (success); pre-Byzantium"
          + " intermediate state roots are not supported");
    }
    long cumulative = r.readLong();
    at = r.position();
    LogsBloom bloom = new LogsBloom(r.readFixed(LogsBloom.BYTES));
    List<Log> logs = readLogs(r.readList());
    r.requireEnd();
    if (!bloom.equals(LogsBloom.of(logs))) {
      throw new RlpException(at, "receipt bloom does not match its logs");
    }
    return new Receipt(type, success, cumulative, bloom, logs);
  }

  /** Receipts are equal when their consensus encodings are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Receipt r && java.util.Arrays.equals(encode(), r.encode());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(encode());
  }

  private static List<Log> readLogs(RlpReader list) throws RlpException {
    List<Log> logs = new ArrayList<>();
    while (list.hasNext()) {
      RlpReader log = list.readList();
      Address address = new Address(log.readFixed(Address.LENGTH));
      RlpReader topicList = log.readList();
      List<Word> topics = new ArrayList<>();
      while (topicList.hasNext()) {
        if (topics.size() == 4) {
          throw new RlpException(topicList.position(), "a log has at most 4 topics");
        }
        topics.add(Word.fromBytes(topicList.readFixed(32)));
      }
      byte[] data = log.readBytes();
      log.requireEnd();
      logs.add(new Log(address, topics, data));
    }
    return logs;
  }
}
