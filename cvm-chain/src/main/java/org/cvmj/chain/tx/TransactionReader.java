package org.cvmj.chain.tx;

import static org.cvmj.chain.tx.InvalidTransactionException.Reason.FIELD_OVERFLOW;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.INVALID_SIGNATURE;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.MALFORMED;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.TYPE_NOT_SUPPORTED;
import static org.cvmj.chain.tx.InvalidTransactionException.Reason.WRONG_LENGTH;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;

/**
 * Decodes a raw transaction envelope (as {@code eth_sendRawTransaction} receives it). Decoding is strict: the
 * RLP must be canonical, integers minimal and within their widths, addresses 20 bytes, storage keys 32 bytes,
 * and nothing may follow the transaction. Errors name the field and the byte offset.
 */
public final class TransactionReader {
  private static final int U256_BYTES = 32;

  private TransactionReader() {}

  public static Transaction decode(byte[] raw) throws InvalidTransactionException {
    if (raw.length == 0) {
      throw new InvalidTransactionException(MALFORMED, "empty input: a transaction envelope is at least 1 byte");
    }
    int first = raw[0] & 0xff;
    if (first >= 0xc0) {
      return legacy(raw);
    }
    if (first == 1 || first == 2) {
      return typed(raw, first == 1 ? TxType.ACCESS_LIST : TxType.DYNAMIC_FEE);
    }
    if (first <= 0x7f) {
      throw new InvalidTransactionException(TYPE_NOT_SUPPORTED, "transaction type " + first
          + " is not supported (this chain accepts legacy, 1 = EIP-2930 and 2 = EIP-1559; blob transactions are"
          + " not supported)");
    }
    try {
      RlpReader r = new RlpReader(raw);
      r.readBytes();
      r.requireEnd();
    } catch (RlpException e) {
      throw new InvalidTransactionException(MALFORMED, "not a canonical RLP transaction: " + e.getMessage(), e);
    }
    throw new InvalidTransactionException(TYPE_NOT_SUPPORTED, "the envelope starts with byte 0x"
        + Integer.toHexString(first) + ", an RLP byte string; a legacy transaction is an RLP list (0xc0-0xff)"
        + " and a typed one starts with its type byte");
  }

  private static Transaction legacy(byte[] raw) throws InvalidTransactionException {
    Fields f = Fields.open(raw, 0);
    long nonce = f.u64("nonce");
    BigInteger gasPrice = f.u256("gasPrice");
    long gasLimit = f.u64("gasLimit");
    Address to = f.to();
    BigInteger value = f.u256("value");
    byte[] data = f.bytes("data");
    BigInteger v = f.u256("v");
    BigInteger r = f.signatureValue("r");
    BigInteger s = f.signatureValue("s");
    f.end();
    BigInteger chainId = null;
    if (v.compareTo(BigInteger.valueOf(35)) >= 0) {
      chainId = v.subtract(BigInteger.valueOf(35)).shiftRight(1);
    }
    return new Transaction(TxType.LEGACY, chainId, nonce, gasPrice, null, null, gasLimit, to, value, data,
        List.of(), v, r, s);
  }

  private static Transaction typed(byte[] raw, TxType type) throws InvalidTransactionException {
    Fields f = Fields.open(raw, 1);
    BigInteger chainId = f.u256("chainId");
    long nonce = f.u64("nonce");
    BigInteger gasPrice = null;
    BigInteger maxPriority = null;
    BigInteger maxFee = null;
    if (type == TxType.DYNAMIC_FEE) {
      maxPriority = f.u256("maxPriorityFeePerGas");
      maxFee = f.u256("maxFeePerGas");
    } else {
      gasPrice = f.u256("gasPrice");
    }
    long gasLimit = f.u64("gasLimit");
    Address to = f.to();
    BigInteger value = f.u256("value");
    byte[] data = f.bytes("data");
    List<AccessListEntry> accessList = f.accessList();
    BigInteger yParity = f.u256("yParity");
    BigInteger r = f.signatureValue("r");
    BigInteger s = f.signatureValue("s");
    f.end();
    return new Transaction(type, chainId, nonce, gasPrice, maxPriority, maxFee, gasLimit, to, value, data,
        accessList, yParity, r, s);
  }

  /** Reads the named fields of one transaction list, turning RLP errors into transaction errors. */
  private static final class Fields {
    private final RlpReader list;
    private final int listStart;

    private Fields(RlpReader list, int listStart) {
      this.list = list;
      this.listStart = listStart;
    }

    static Fields open(byte[] raw, int start) throws InvalidTransactionException {
      try {
        RlpReader top = new RlpReader(raw, start, raw.length);
        if (!top.hasNext() || !top.nextIsList()) {
          throw new InvalidTransactionException(MALFORMED, "the transaction must be an RLP list (at byte offset "
              + start + ")");
        }
        RlpReader list = top.readList();
        top.requireEnd();
        return new Fields(list, start);
      } catch (RlpException e) {
        throw new InvalidTransactionException(MALFORMED, "not a canonical RLP transaction: " + e.getMessage(), e);
      }
    }

    long u64(String name) throws InvalidTransactionException {
      byte[] b = integer(name, 8, "64 bits");
      long v = 0;
      for (byte x : b) {
        v = (v << 8) | (x & 0xff);
      }
      return v;
    }

    BigInteger u256(String name) throws InvalidTransactionException {
      return new BigInteger(1, integer(name, U256_BYTES, "256 bits"));
    }

    /** r or s: an integer whose excess width makes the signature invalid rather than the encoding. */
    BigInteger signatureValue(String name) throws InvalidTransactionException {
      int at = list.position();
      try {
        return u256(name);
      } catch (InvalidTransactionException e) {
        if (e.reason() != FIELD_OVERFLOW) {
          throw e;
        }
        throw new InvalidTransactionException(INVALID_SIGNATURE, "signature " + name + " (at byte offset " + at
            + ") is wider than 256 bits, so it is not below the curve order");
      }
    }

    /** A minimal big-endian unsigned integer of at most {@code maxBytes} bytes. */
    private byte[] integer(String name, int maxBytes, String width) throws InvalidTransactionException {
      int at = list.position();
      byte[] b = bytes(name);
      // A 64-bit field is checked for width first, a 256-bit one for leading zeros first, as go-ethereum does.
      if (maxBytes == 8 && b.length > maxBytes) {
        throw overflow(name, at, b.length, width);
      }
      if (b.length > 0 && b[0] == 0) {
        throw new InvalidTransactionException(MALFORMED, "field '" + name + "' (at byte offset " + at
            + ") has leading zero bytes; RLP integers must be minimal (zero is the empty string)");
      }
      if (b.length > maxBytes) {
        throw overflow(name, at, b.length, width);
      }
      return b;
    }

    private static InvalidTransactionException overflow(String name, int at, int length, String width) {
      return new InvalidTransactionException(FIELD_OVERFLOW, "field '" + name + "' (at byte offset " + at
          + ") is " + length + " bytes; it must fit " + width);
    }

    byte[] bytes(String name) throws InvalidTransactionException {
      int at = next(name);
      try {
        return list.readBytes();
      } catch (RlpException e) {
        throw fieldError(name, at, e);
      }
    }

    Address to() throws InvalidTransactionException {
      int at = list.position();
      byte[] b = bytes("to");
      if (b.length == 0) {
        return null;
      }
      return address(b, "to", at);
    }

    List<AccessListEntry> accessList() throws InvalidTransactionException {
      int at = next("accessList");
      List<AccessListEntry> out = new ArrayList<>();
      try {
        RlpReader entries = list.readList();
        while (entries.hasNext()) {
          RlpReader entry = entries.readList();
          int addrAt = entry.position();
          Address address = address(entry.readBytes(), "accessList address", addrAt);
          RlpReader keys = entry.readList();
          entry.requireEnd();
          List<Hash> slots = new ArrayList<>();
          while (keys.hasNext()) {
            int keyAt = keys.position();
            byte[] k = keys.readBytes();
            if (k.length != Hash.LENGTH) {
              throw new InvalidTransactionException(WRONG_LENGTH, "accessList storage key at byte offset " + keyAt
                  + " is " + k.length + " bytes; storage keys are exactly 32 bytes");
            }
            slots.add(new Hash(k));
          }
          out.add(new AccessListEntry(address, slots));
        }
      } catch (RlpException e) {
        throw fieldError("accessList", at, e);
      }
      return out;
    }

    void end() throws InvalidTransactionException {
      if (list.hasNext()) {
        throw new InvalidTransactionException(MALFORMED, "the transaction list has extra fields after s (at byte"
            + " offset " + list.position() + ")");
      }
    }

    private static Address address(byte[] b, String name, int at) throws InvalidTransactionException {
      if (b.length != Address.LENGTH) {
        throw new InvalidTransactionException(WRONG_LENGTH, name + " at byte offset " + at + " is " + b.length
            + " bytes; an address is exactly 20 bytes");
      }
      return new Address(b);
    }

    private int next(String name) throws InvalidTransactionException {
      if (!list.hasNext()) {
        throw new InvalidTransactionException(MALFORMED, "the transaction list (at byte offset " + listStart
            + ") ends before field '" + name + "'; it has too few fields");
      }
      return list.position();
    }

    private static InvalidTransactionException fieldError(String name, int at, RlpException e) {
      return new InvalidTransactionException(MALFORMED, "field '" + name + "' (at byte offset " + at + "): "
          + e.getMessage(), e);
    }
  }
}
