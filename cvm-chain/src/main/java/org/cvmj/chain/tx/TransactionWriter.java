package org.cvmj.chain.tx;

import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.rlp.RlpWriter;

/** Encodes transactions: the signed envelope and the payload whose hash is signed. */
public final class TransactionWriter {
  private TransactionWriter() {}

  /** Legacy: rlp(list); typed: type byte followed by rlp(list). */
  public static byte[] envelope(Transaction tx) {
    RlpWriter w = new RlpWriter().startList();
    fields(w, tx);
    w.writeBigInteger(tx.v()).writeBigInteger(tx.r()).writeBigInteger(tx.s()).endList();
    return withType(tx, w.toByteArray());
  }

  /**
   * What the sender signs: for legacy transactions rlp(fields) or, with EIP-155, rlp(fields, chainId, 0, 0);
   * for typed ones type || rlp(fields).
   */
  public static byte[] signingPayload(Transaction tx) {
    RlpWriter w = new RlpWriter().startList();
    fields(w, tx);
    if (tx.type() == TxType.LEGACY && tx.chainId() != null) {
      w.writeBigInteger(tx.chainId()).writeLong(0).writeLong(0);
    }
    w.endList();
    return withType(tx, w.toByteArray());
  }

  private static byte[] withType(Transaction tx, byte[] rlp) {
    if (tx.type() == TxType.LEGACY) {
      return rlp;
    }
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) tx.type().code;
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  /** The fields before the signature, in the order of the transaction's type. */
  private static void fields(RlpWriter w, Transaction tx) {
    if (tx.type() != TxType.LEGACY) {
      w.writeBigInteger(tx.chainId());
    }
    w.writeLong(tx.nonce());
    if (tx.type() == TxType.DYNAMIC_FEE) {
      w.writeBigInteger(tx.maxPriorityFeePerGas()).writeBigInteger(tx.maxFeePerGas());
    } else {
      w.writeBigInteger(tx.gasPrice());
    }
    w.writeLong(tx.gasLimit());
    w.writeBytes(tx.to() == null ? new byte[0] : tx.to().bytes());
    w.writeBigInteger(tx.value());
    w.writeBytes(tx.data());
    if (tx.type() != TxType.LEGACY) {
      w.startList();
      for (AccessListEntry e : tx.accessList()) {
        w.startList().writeBytes(e.address().bytes()).startList();
        for (Hash k : e.storageKeys()) {
          w.writeBytes(k.bytes());
        }
        w.endList().endList();
      }
      w.endList();
    }
  }

}
