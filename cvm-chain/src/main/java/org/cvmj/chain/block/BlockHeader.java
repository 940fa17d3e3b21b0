package org.cvmj.chain.block;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.Trie;

/**
 * A block header with every field Ethereum's Cancun header has, in consensus order. Its RLP is the list of the
 * fields and {@link #hash()} is the Keccak-256 of that list, which is the block hash clients see.
 *
 * <p>The fields added by later forks are optional at the end of the list, as on Ethereum, so one type also
 * encodes older headers: {@code baseFeePerGas} (London) is null before London, {@code withdrawalsRoot}
 * (Shanghai) before Shanghai, and {@code blobGasUsed}, {@code excessBlobGas}, {@code parentBeaconBlockRoot}
 * (Cancun, present together) before Cancun. A field may be present only if every field before it is.
 * {@code number}, {@code gasLimit}, {@code gasUsed}, {@code timestamp}, {@code nonce}, {@code blobGasUsed} and
 * {@code excessBlobGas} are unsigned 64-bit values. {@code mixHash} holds PREVRANDAO since the Merge.
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address coinbase,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    BigInteger difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    byte[] extraData,
    Hash mixHash,
    long nonce,
    BigInteger baseFeePerGas,
    Hash withdrawalsRoot,
    Long blobGasUsed,
    Long excessBlobGas,
    Hash parentBeaconBlockRoot) {

  /** keccak(RLP([])): the ommers hash of every block without ommers (all blocks since the Merge). */
  public static final Hash EMPTY_OMMERS_HASH = Keccak256.hash(new byte[] {(byte) 0xc0});
  /** The root of an empty trie: the transactions, receipts or withdrawals root of a block without any. */
  public static final Hash EMPTY_ROOT = Trie.EMPTY_ROOT;

  public BlockHeader {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(ommersHash, "ommersHash");
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(transactionsRoot, "transactionsRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(mixHash, "mixHash");
    extraData = extraData.clone();
    if (difficulty.signum() < 0 || (baseFeePerGas != null && baseFeePerGas.signum() < 0)) {
      throw new IllegalArgumentException("difficulty and base fee are non-negative");
    }
    boolean cancun = blobGasUsed != null;
    if (cancun != (excessBlobGas != null) || cancun != (parentBeaconBlockRoot != null)) {
      throw new IllegalArgumentException("blobGasUsed, excessBlobGas and parentBeaconBlockRoot (Cancun) are"
          + " present together or not at all");
    }
    if ((cancun && withdrawalsRoot == null) || (withdrawalsRoot != null && baseFeePerGas == null)) {
      throw new IllegalArgumentException("a fork's header fields require every earlier fork's: Cancun's need"
          + " withdrawalsRoot (Shanghai), which needs baseFeePerGas (London)");
    }
  }

  /**
   * A post-Merge Cancun header: no ommers, difficulty and nonce 0, no withdrawals. The caller supplies what
   * depends on the block's contents and execution.
   */
  public static BlockHeader cancun(Hash parentHash, Address coinbase, Hash stateRoot, Hash transactionsRoot,
      Hash receiptsRoot, LogsBloom logsBloom, long number, long gasLimit, long gasUsed, long timestamp,
      byte[] extraData, Hash prevRandao, BigInteger baseFeePerGas, long blobGasUsed, long excessBlobGas,
      Hash parentBeaconBlockRoot) {
    return new BlockHeader(parentHash, EMPTY_OMMERS_HASH, coinbase, stateRoot, transactionsRoot, receiptsRoot,
        logsBloom, BigInteger.ZERO, number, gasLimit, gasUsed, timestamp, extraData, prevRandao, 0,
        Objects.requireNonNull(baseFeePerGas, "baseFeePerGas"), EMPTY_ROOT, blobGasUsed, excessBlobGas,
        Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot"));
  }

  /** Whether the header carries Cancun's fields. */
  public boolean isCancun() {
    return blobGasUsed != null;
  }

  /** PREVRANDAO (the {@code mixHash} field since the Merge). */
  public Hash prevRandao() {
    return mixHash;
  }

  @Override
  public byte[] extraData() {
    return extraData.clone();
  }

  /** The block hash: keccak of {@link #encode()}. */
  public Hash hash() {
    return Keccak256.hash(encode());
  }

  /** RLP of the list of fields, as hashed. */
  public byte[] encode() {
    return writeTo(new RlpWriter()).toByteArray();
  }

  /** Writes the header's RLP list into {@code w} (for embedding in a block). */
  public RlpWriter writeTo(RlpWriter w) {
    w.startList()
        .writeBytes(parentHash.bytes())
        .writeBytes(ommersHash.bytes())
        .writeBytes(coinbase.bytes())
        .writeBytes(stateRoot.bytes())
        .writeBytes(transactionsRoot.bytes())
        .writeBytes(receiptsRoot.bytes())
        .writeBytes(logsBloom.bytes())
        .writeBigInteger(difficulty)
        .writeLong(number)
        .writeLong(gasLimit)
        .writeLong(gasUsed)
        .writeLong(timestamp)
        .writeBytes(extraData)
        .writeBytes(mixHash.bytes())
        .writeBytes(longBytes(nonce));
    if (baseFeePerGas != null) {
      w.writeBigInteger(baseFeePerGas);
    }
    if (withdrawalsRoot != null) {
      w.writeBytes(withdrawalsRoot.bytes());
    }
    if (isCancun()) {
      w.writeLong(blobGasUsed).writeLong(excessBlobGas).writeBytes(parentBeaconBlockRoot.bytes());
    }
    return w.endList();
  }

  /** Decodes {@link #encode()}'s output; nothing may follow the header. */
  public static BlockHeader decode(byte[] encoded) throws RlpException {
    RlpReader r = new RlpReader(encoded);
    BlockHeader h = read(r);
    r.requireEnd();
    return h;
  }

  /**
   * Reads one header list from {@code r}. Accepts 15 fields (pre-London), 16 (London), 17 (Shanghai) or 20
   * (Cancun); any other count, a field of the wrong length or a non-minimal integer is an error.
   */
  public static BlockHeader read(RlpReader outer) throws RlpException {
    int start = outer.position();
    RlpReader r = outer.readList();
    Hash parentHash = hash(r);
    Hash ommersHash = hash(r);
    Address coinbase = new Address(r.readFixed(Address.LENGTH));
    Hash stateRoot = hash(r);
    Hash transactionsRoot = hash(r);
    Hash receiptsRoot = hash(r);
    LogsBloom bloom = new LogsBloom(r.readFixed(LogsBloom.BYTES));
    BigInteger difficulty = r.readBigInteger(32);
    long number = r.readLong();
    long gasLimit = r.readLong();
    long gasUsed = r.readLong();
    long timestamp = r.readLong();
    int at = r.position();
    byte[] extraData = r.readBytes();
    if (extraData.length > 32) { // consensus limit; also bounds what a corrupt record can make us allocate
      throw new RlpException(at, "extraData is " + extraData.length + " bytes; the limit is 32");
    }
    Hash mixHash = hash(r);
    long nonce = toLong(r.readFixed(8));
    BigInteger baseFee = r.hasNext() ? r.readBigInteger(32) : null;
    Hash withdrawalsRoot = r.hasNext() ? hash(r) : null;
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash beaconRoot = null;
    if (r.hasNext()) {
      at = r.position();
      blobGasUsed = r.readLong();
      if (!r.hasNext()) {
        throw new RlpException(at, "header has 18 fields; Cancun headers have 20 (blobGasUsed, excessBlobGas,"
            + " parentBeaconBlockRoot)");
      }
      excessBlobGas = r.readLong();
      if (!r.hasNext()) {
        throw new RlpException(at, "header has 19 fields; Cancun headers have 20");
      }
      beaconRoot = hash(r);
    }
    if (r.hasNext()) {
      throw new RlpException(r.position(), "header has more than 20 fields (forks after Cancun are not"
          + " supported)");
    }
    try {
      return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, bloom,
          difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFee, withdrawalsRoot,
          blobGasUsed, excessBlobGas, beaconRoot);
    } catch (IllegalArgumentException e) {
      throw new RlpException(start, "invalid header: " + e.getMessage());
    }
  }

  private static Hash hash(RlpReader r) throws RlpException {
    return new Hash(r.readFixed(Hash.LENGTH));
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[7 - i] = (byte) (v >>> (8 * i));
    }
    return b;
  }

  private static long toLong(byte[] b) {
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader h && Arrays.equals(encode(), h.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "BlockHeader{number=" + Long.toUnsignedString(number) + ", hash=" + hash() + ", parent=" + parentHash
        + ", extraData=" + Hex.encode(extraData) + "}";
  }
}
