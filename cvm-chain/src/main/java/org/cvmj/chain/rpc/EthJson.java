package org.cvmj.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.AccessListEntry;

/**
 * The JSON shapes geth returns for transactions, receipts, logs, blocks and fee history, with the same field
 * names, hex encodings and field order (geth builds blocks and receipts as maps, so their keys are sorted).
 */
public final class EthJson {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private EthJson() {}

  public static JsonNode quantity(long v) {
    return F.textNode(EthHex.quantity(v));
  }

  public static JsonNode quantity(BigInteger v) {
    return F.textNode(EthHex.quantity(v));
  }

  public static JsonNode data(byte[] b) {
    return F.textNode(EthHex.data(b));
  }

  public static JsonNode address(Address a) {
    return a == null ? F.nullNode() : F.textNode(a.toHex());
  }

  public static JsonNode hash(Hash h) {
    return h == null ? F.nullNode() : F.textNode(h.toHex());
  }

  public static JsonNode transaction(TransactionView t) {
    ObjectNode o = F.objectNode();
    o.set("blockHash", hash(t.blockHash()));
    o.set("blockNumber", t.blockNumber() == null ? F.nullNode() : quantity(t.blockNumber()));
    o.set("from", address(t.from()));
    o.set("gas", quantity(t.gas()));
    o.set("gasPrice", quantity(t.gasPrice()));
    if (t.maxFeePerGas() != null) {
      o.set("maxFeePerGas", quantity(t.maxFeePerGas()));
      o.set("maxPriorityFeePerGas", quantity(t.maxPriorityFeePerGas()));
    }
    o.set("hash", hash(t.hash()));
    o.set("input", data(t.input()));
    o.set("nonce", quantity(t.nonce()));
    o.set("to", address(t.to()));
    o.set("transactionIndex", t.transactionIndex() == null ? F.nullNode() : quantity(t.transactionIndex()));
    o.set("value", quantity(t.value()));
    o.set("type", quantity(t.type()));
    if (t.accessList() != null) {
      o.set("accessList", accessList(t.accessList()));
    }
    if (t.chainId() != null) {
      o.set("chainId", quantity(t.chainId()));
    }
    o.set("v", quantity(t.v()));
    o.set("r", quantity(t.r()));
    o.set("s", quantity(t.s()));
    if (t.type() != 0) {
      o.set("yParity", quantity(t.v()));
    }
    return o;
  }

  public static ArrayNode accessList(List<AccessListEntry> list) {
    ArrayNode a = F.arrayNode();
    for (AccessListEntry e : list) {
      ObjectNode o = a.addObject();
      o.set("address", address(e.address()));
      ArrayNode keys = o.putArray("storageKeys");
      e.storageKeys().forEach(k -> keys.add(hash(k)));
    }
    return a;
  }

  public static JsonNode log(LogView l) {
    ObjectNode o = F.objectNode();
    o.set("address", address(l.address()));
    ArrayNode topics = o.putArray("topics");
    l.topics().forEach(t -> topics.add(hash(t)));
    o.set("data", data(l.data()));
    o.set("blockNumber", quantity(l.blockNumber()));
    o.set("transactionHash", hash(l.transactionHash()));
    o.set("transactionIndex", quantity(l.transactionIndex()));
    o.set("blockHash", hash(l.blockHash()));
    o.set("logIndex", quantity(l.logIndex()));
    o.put("removed", l.removed());
    return o;
  }

  public static ArrayNode logs(List<LogView> logs) {
    ArrayNode a = F.arrayNode();
    logs.forEach(l -> a.add(log(l)));
    return a;
  }

  public static JsonNode receipt(ReceiptView r) {
    ObjectNode o = F.objectNode();
    o.set("blockHash", hash(r.blockHash()));
    o.set("blockNumber", quantity(r.blockNumber()));
    o.set("contractAddress", address(r.contractAddress()));
    o.set("cumulativeGasUsed", quantity(r.cumulativeGasUsed()));
    o.set("effectiveGasPrice", quantity(r.effectiveGasPrice()));
    o.set("from", address(r.from()));
    o.set("gasUsed", quantity(r.gasUsed()));
    o.set("logs", logs(r.logs()));
    o.set("logsBloom", data(r.logsBloom()));
    o.set("status", quantity(r.status()));
    o.set("to", address(r.to()));
    o.set("transactionHash", hash(r.transactionHash()));
    o.set("transactionIndex", quantity(r.transactionIndex()));
    o.set("type", quantity(r.type()));
    return o;
  }

  /** A block with full transaction objects ({@code fullTransactions}) or their hashes. */
  public static JsonNode block(BlockView b, boolean fullTransactions) {
    ObjectNode o = F.objectNode();
    if (b.baseFeePerGas() != null) {
      o.set("baseFeePerGas", quantity(b.baseFeePerGas()));
    }
    if (b.blobGasUsed() != null) {
      o.set("blobGasUsed", quantity(b.blobGasUsed()));
    }
    o.set("difficulty", quantity(b.difficulty()));
    if (b.excessBlobGas() != null) {
      o.set("excessBlobGas", quantity(b.excessBlobGas()));
    }
    o.set("extraData", data(b.extraData()));
    o.set("gasLimit", quantity(b.gasLimit()));
    o.set("gasUsed", quantity(b.gasUsed()));
    o.set("hash", hash(b.hash()));
    o.set("logsBloom", data(b.logsBloom()));
    o.set("miner", address(b.miner()));
    o.set("mixHash", hash(b.mixHash()));
    o.set("nonce", data(b.nonce()));
    o.set("number", quantity(b.number()));
    if (b.parentBeaconBlockRoot() != null) {
      o.set("parentBeaconBlockRoot", hash(b.parentBeaconBlockRoot()));
    }
    o.set("parentHash", hash(b.parentHash()));
    o.set("receiptsRoot", hash(b.receiptsRoot()));
    o.set("sha3Uncles", hash(b.sha3Uncles()));
    o.set("size", quantity(b.size()));
    o.set("stateRoot", hash(b.stateRoot()));
    o.set("timestamp", quantity(b.timestamp()));
    ArrayNode txs = o.putArray("transactions");
    for (TransactionView t : b.transactions()) {
      txs.add(fullTransactions ? transaction(t) : hash(t.hash()));
    }
    o.set("transactionsRoot", hash(b.transactionsRoot()));
    ArrayNode uncles = o.putArray("uncles");
    b.uncles().forEach(u -> uncles.add(hash(u)));
    if (b.withdrawalsRoot() != null) {
      o.putArray("withdrawals");
      o.set("withdrawalsRoot", hash(b.withdrawalsRoot()));
    }
    return o;
  }

  /**
   * A block's header as geth shows it in {@code newHeads} notifications: the block object without
   * {@code transactions}, {@code uncles}, {@code withdrawals} and {@code size}.
   */
  public static JsonNode header(BlockView b) {
    ObjectNode o = (ObjectNode) block(b, false);
    o.remove(List.of("transactions", "uncles", "withdrawals", "size"));
    return o;
  }

  public static JsonNode feeHistory(FeeHistory h) {
    ObjectNode o = F.objectNode();
    o.set("oldestBlock", quantity(h.oldestBlock()));
    if (h.reward() != null) {
      ArrayNode reward = o.putArray("reward");
      for (List<BigInteger> perBlock : h.reward()) {
        ArrayNode a = reward.addArray();
        perBlock.forEach(v -> a.add(quantity(v)));
      }
    }
    ArrayNode base = o.putArray("baseFeePerGas");
    h.baseFeePerGas().forEach(v -> base.add(quantity(v)));
    ArrayNode ratio = o.putArray("gasUsedRatio");
    h.gasUsedRatio().forEach(r -> ratio.add(ratio(r)));
    return o;
  }

  /** A float as Go's encoding/json writes it: integral values without a fraction, others in plain notation. */
  private static JsonNode ratio(double r) {
    if (r == Math.rint(r) && Math.abs(r) < 1e15) {
      return F.numberNode((long) r);
    }
    return F.numberNode(new BigDecimal(Double.toString(r)).stripTrailingZeros());
  }
}
