package org.cvmj.chain.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.tx.InvalidTransactionException;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.chain.tx.TransactionReader;
import org.cvmj.chain.tx.TxType;

/**
 * A block: its header and its transactions. This chain has no ommers and no withdrawals, so both lists are
 * always empty (the withdrawals list is present exactly when the header has a withdrawals root, as on Ethereum).
 *
 * <p>{@link #encode()} is Ethereum's block RLP {@code [header, transactions, ommers, withdrawals?]}, where a
 * legacy transaction appears as its RLP list and a typed one as a byte string holding its envelope.
 * {@link #encodeBody()} is the same without the header, as a database stores it beside the header.
 */
public record Block(BlockHeader header, List<Transaction> transactions) {

  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
  }

  /** The block hash (its header's). */
  public Hash hash() {
    return header.hash();
  }

  public long number() {
    return header.number();
  }

  /** The full block RLP. */
  public byte[] encode() {
    RlpWriter w = new RlpWriter().startList();
    header.writeTo(w);
    writeBodyFields(w);
    return w.endList().toByteArray();
  }

  /** RLP {@code [transactions, ommers, withdrawals?]}. */
  public byte[] encodeBody() {
    RlpWriter w = new RlpWriter().startList();
    writeBodyFields(w);
    return w.endList().toByteArray();
  }

  private void writeBodyFields(RlpWriter w) {
    w.startList();
    for (Transaction tx : transactions) {
      if (tx.type() == TxType.LEGACY) {
        w.writeRaw(tx.encode());
      } else {
        w.writeBytes(tx.encode());
      }
    }
    w.endList().startList().endList();
    if (header.withdrawalsRoot() != null) {
      w.startList().endList();
    }
  }

  /** Decodes {@link #encode()}'s output. */
  public static Block decode(byte[] encoded) throws RlpException {
    RlpReader outer = new RlpReader(encoded);
    RlpReader r = outer.readList();
    outer.requireEnd();
    BlockHeader header = BlockHeader.read(r);
    return new Block(header, readBodyFields(r, header));
  }

  /** Decodes {@link #encodeBody()}'s output for the given header. */
  public static Block decodeBody(BlockHeader header, byte[] body) throws RlpException {
    RlpReader outer = new RlpReader(body);
    RlpReader r = outer.readList();
    outer.requireEnd();
    return new Block(header, readBodyFields(r, header));
  }

  private static List<Transaction> readBodyFields(RlpReader r, BlockHeader header) throws RlpException {
    RlpReader txs = r.readList();
    List<Transaction> out = new ArrayList<>();
    while (txs.hasNext()) {
      int at = txs.position();
      boolean list = txs.nextIsList();
      byte[] raw = list ? txs.readRaw() : txs.readBytes();
      if (!list && raw.length > 0 && (raw[0] & 0xff) >= 0xc0) {
        throw new RlpException(at, "a legacy transaction in a block body is an RLP list, not a byte string");
      }
      try {
        out.add(TransactionReader.decode(raw));
      } catch (InvalidTransactionException e) {
        throw new RlpException(at, "transaction " + out.size() + ": " + e.getMessage());
      }
    }
    int at = r.position();
    if (r.readList().hasNext()) {
      throw new RlpException(at, "block has ommers; this chain has none");
    }
    if (header.withdrawalsRoot() != null) {
      at = r.position();
      if (r.readList().hasNext()) {
        throw new RlpException(at, "block has withdrawals; this chain has none");
      }
    }
    r.requireEnd();
    return out;
  }
}
