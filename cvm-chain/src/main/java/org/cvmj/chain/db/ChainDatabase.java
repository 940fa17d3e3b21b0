package org.cvmj.chain.db;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.cvmj.chain.db.ChainDatabaseException.Reason.CORRUPT;
import static org.cvmj.chain.db.ChainDatabaseException.Reason.INCOMPATIBLE;
import static org.cvmj.chain.db.ChainDatabaseException.Reason.INVALID_WRITE;
import static org.cvmj.chain.db.ChainDatabaseException.Reason.STORAGE;
import static org.cvmj.chain.db.ChainDatabaseException.Reason.WRONG_CHAIN;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.OrderedTrie;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.NodeStore;
import org.cvmj.chain.tx.Transaction;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node's persistent chain in RocksDB: headers and bodies by block hash, the canonical number-to-hash index,
 * receipts by block hash, a transaction-hash lookup, trie nodes, model blobs (uploaded chunks, by keccak256) and
 * the head pointer, each in its own column family; a metadata record (schema version and chain id) in the default
 * one.
 *
 * <p>{@link #writeBlock} puts a block with everything it brings in one RocksDB write batch, written with the
 * write-ahead log synced before it returns: after a crash at any moment the database holds either the whole
 * block or none of it, and a block whose write returned (so whose receipts a client may have seen) is never
 * lost. {@link #open} continues from the stored head. The chain grows by one block at a time (each block must extend
 * the head) and shrinks only through {@link #rewind}, which a development node's {@code evm_revert} uses.
 *
 * <p>Reads are safe from any thread; writes are serialized. Stored records that do not decode are reported as
 * {@link ChainDatabaseException.Reason#CORRUPT}.
 */
public final class ChainDatabase implements AutoCloseable {
  /** Bumped whenever the layout of stored records changes; a database of another version is refused. */
  public static final int SCHEMA_VERSION = 1;

  private static final byte[] MAGIC = "cvm-chain".getBytes(US_ASCII);
  private static final byte[] META_KEY = "meta".getBytes(US_ASCII);
  private static final byte[] HEAD_KEY = "head".getBytes(US_ASCII);
  private static final List<String> FAMILIES =
      List.of("headers", "bodies", "canonical", "receipts", "tx_lookup", "trie_nodes", "blobs");
  /** Families added after schema version 1 was first written: an older database gets them (empty) on open. */
  private static final Set<String> ADDED_FAMILIES = Set.of("blobs");

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final BigInteger chainId;
  private final DBOptions options;
  private final ColumnFamilyOptions familyOptions;
  private final WriteOptions syncWrites;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final ColumnFamilyHandle meta;
  private final ColumnFamilyHandle headers;
  private final ColumnFamilyHandle bodies;
  private final ColumnFamilyHandle canonical;
  private final ColumnFamilyHandle receipts;
  private final ColumnFamilyHandle txLookup;
  private final ColumnFamilyHandle trieNodes;
  private final ColumnFamilyHandle blobs;
  private final RocksNodeStore nodeStore;
  private final RocksNodeStore blobStore;
  private volatile BlockHeader head;
  private volatile boolean closed;

  private ChainDatabase(Path dir, BigInteger chainId, DBOptions options, ColumnFamilyOptions familyOptions,
      RocksDB db, List<ColumnFamilyHandle> handles) {
    this.dir = dir;
    this.chainId = chainId;
    this.options = options;
    this.familyOptions = familyOptions;
    this.db = db;
    this.handles = handles;
    this.meta = handles.get(0);
    this.headers = handles.get(1);
    this.bodies = handles.get(2);
    this.canonical = handles.get(3);
    this.receipts = handles.get(4);
    this.txLookup = handles.get(5);
    this.trieNodes = handles.get(6);
    this.blobs = handles.get(7);
    this.syncWrites = new WriteOptions().setSync(true);
    this.nodeStore = new RocksNodeStore(db, trieNodes);
    this.blobStore = new RocksNodeStore(db, blobs);
  }

  /**
   * Opens (creating if needed) the database in {@code dir} for the chain {@code chainId}, continuing from its
   * stored head. Fails if the directory belongs to another chain, another schema version or another program,
   * if its head is damaged, or if RocksDB cannot open it (for example while another process holds it).
   */
  public static ChainDatabase open(Path dir, BigInteger chainId) throws ChainDatabaseException {
    Objects.requireNonNull(chainId, "chainId");
    boolean exists = Files.exists(dir.resolve("CURRENT"));
    if (exists) {
      checkFamilies(dir);
    } else {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new ChainDatabaseException(STORAGE, "cannot create the chain database directory " + dir + ": " + e,
            e);
      }
    }
    DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    ColumnFamilyOptions familyOptions = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
    for (String name : FAMILIES) {
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(US_ASCII), familyOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db;
    try {
      db = RocksDB.open(options, dir.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      familyOptions.close();
      options.close();
      throw new ChainDatabaseException(STORAGE, "cannot open the chain database in " + dir + ": " + e.getMessage()
          + " (is another node using it?)", e);
    }
    ChainDatabase cdb = new ChainDatabase(dir, chainId, options, familyOptions, db, handles);
    try {
      cdb.checkOrWriteMetadata(exists);
      cdb.head = cdb.loadHead();
    } catch (ChainDatabaseException | RuntimeException e) {
      cdb.close();
      throw e;
    }
    return cdb;
  }

  private static void checkFamilies(Path dir) throws ChainDatabaseException {
    List<byte[]> names;
    try (Options o = new Options()) {
      names = RocksDB.listColumnFamilies(o, dir.toString());
    } catch (RocksDBException e) {
      throw new ChainDatabaseException(STORAGE, "cannot read the column families of " + dir + ": "
          + e.getMessage(), e);
    }
    Set<String> found = new HashSet<>();
    for (byte[] n : names) {
      found.add(new String(n, US_ASCII));
    }
    Set<String> expected = new HashSet<>(FAMILIES);
    expected.add("default");
    Set<String> older = new HashSet<>(expected);
    older.removeAll(ADDED_FAMILIES);
    if (!found.equals(expected) && !found.equals(older)) {
      throw new ChainDatabaseException(INCOMPATIBLE, dir + " holds a RocksDB database with column families "
          + found + ", not a cvm-chain database (expected " + expected + "); choose another data directory");
    }
  }

  private void checkOrWriteMetadata(boolean existed) throws ChainDatabaseException {
    byte[] stored = get(meta, META_KEY);
    if (stored == null) {
      if (existed) {
        throw new ChainDatabaseException(INCOMPATIBLE, dir + " has no cvm-chain metadata record; it is not a"
            + " cvm-chain database or its creation was interrupted (remove it to start afresh)");
      }
      byte[] record = new RlpWriter().startList().writeBytes(MAGIC).writeLong(SCHEMA_VERSION)
          .writeBigInteger(chainId).endList().toByteArray();
      try {
        db.put(meta, syncWrites, META_KEY, record);
      } catch (RocksDBException e) {
        throw new ChainDatabaseException(STORAGE, "cannot write the metadata record: " + e.getMessage(), e);
      }
      return;
    }
    long version;
    BigInteger storedChain;
    try {
      RlpReader r = new RlpReader(stored).readList();
      if (!Arrays.equals(MAGIC, r.readBytes())) {
        throw new ChainDatabaseException(INCOMPATIBLE, dir + " is not a cvm-chain database (wrong magic)");
      }
      version = r.readLong();
      storedChain = r.readBigInteger(32);
    } catch (RlpException e) {
      throw new ChainDatabaseException(CORRUPT, "the metadata record of " + dir + " is damaged: "
          + e.getMessage(), e);
    }
    if (version != SCHEMA_VERSION) {
      throw new ChainDatabaseException(INCOMPATIBLE, dir + " has schema version " + version + " but this node"
          + " reads version " + SCHEMA_VERSION + "; use a matching release or resynchronise into a new directory");
    }
    if (!storedChain.equals(chainId)) {
      throw new ChainDatabaseException(WRONG_CHAIN, dir + " holds chain id " + storedChain + ", not "
          + chainId + "; point the node at that chain's data directory or at a new one");
    }
  }

  private BlockHeader loadHead() throws ChainDatabaseException {
    byte[] h = get(meta, HEAD_KEY);
    if (h == null) {
      return null;
    }
    if (h.length != Hash.LENGTH) {
      throw new ChainDatabaseException(CORRUPT, "the head pointer is " + h.length + " bytes, not 32");
    }
    Hash hash = new Hash(h);
    return header(hash).orElseThrow(() -> new ChainDatabaseException(CORRUPT, "the head block " + hash
        + " has no stored header"));
  }

  /** The chain id this database belongs to. */
  public BigInteger chainId() {
    return chainId;
  }

  /** The newest block's header, or empty before the genesis block is written. */
  public Optional<BlockHeader> head() {
    return Optional.ofNullable(head);
  }

  /** The trie nodes, for reading state; nodes put here directly are not synced (see {@link RocksNodeStore}). */
  public NodeStore nodeStore() {
    return nodeStore;
  }

  /**
   * Content-addressed blobs (keccak256 to bytes): the chunks of uploaded models. Like trie nodes, blobs that must
   * be durable with a block go through {@link #writeBlock(Block, List, Map, Map)}.
   */
  public NodeStore blobStore() {
    return blobStore;
  }

  /** The header of the block with this hash, if stored. */
  public Optional<BlockHeader> header(Hash blockHash) throws ChainDatabaseException {
    byte[] b = get(headers, blockHash.bytes());
    if (b == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(BlockHeader.decode(b));
    } catch (RlpException e) {
      throw corrupt("header of block " + blockHash, e);
    }
  }

  /** The block with this hash, if stored. */
  public Optional<Block> block(Hash blockHash) throws ChainDatabaseException {
    Optional<BlockHeader> header = header(blockHash);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    byte[] body = get(bodies, blockHash.bytes());
    if (body == null) {
      throw new ChainDatabaseException(CORRUPT, "block " + blockHash + " has a header but no body");
    }
    try {
      return Optional.of(Block.decodeBody(header.get(), body));
    } catch (RlpException e) {
      throw corrupt("body of block " + blockHash, e);
    }
  }

  /** The hash of the canonical block with this number, if there is one. */
  public Optional<Hash> canonicalHash(long number) throws ChainDatabaseException {
    byte[] b = get(canonical, numberKey(number));
    if (b == null) {
      return Optional.empty();
    }
    if (b.length != Hash.LENGTH) {
      throw new ChainDatabaseException(CORRUPT, "canonical index entry for block " + number + " is "
          + b.length + " bytes, not 32");
    }
    return Optional.of(new Hash(b));
  }

  /** The canonical block with this number, if there is one. */
  public Optional<Block> blockByNumber(long number) throws ChainDatabaseException {
    Optional<Hash> hash = canonicalHash(number);
    return hash.isEmpty() ? Optional.empty() : block(hash.get());
  }

  /** The receipts of the block with this hash, in transaction order, if stored. */
  public Optional<List<Receipt>> receipts(Hash blockHash) throws ChainDatabaseException {
    byte[] b = get(receipts, blockHash.bytes());
    if (b == null) {
      return Optional.empty();
    }
    try {
      RlpReader outer = new RlpReader(b);
      RlpReader r = outer.readList();
      outer.requireEnd();
      List<Receipt> out = new ArrayList<>();
      while (r.hasNext()) {
        out.add(Receipt.decode(r.readBytes()));
      }
      return Optional.of(out);
    } catch (RlpException e) {
      throw corrupt("receipts of block " + blockHash, e);
    }
  }

  /** Where the transaction with this hash was included, if it was. */
  public Optional<TxLocation> transactionLocation(Hash txHash) throws ChainDatabaseException {
    byte[] b = get(txLookup, txHash.bytes());
    if (b == null) {
      return Optional.empty();
    }
    try {
      RlpReader outer = new RlpReader(b);
      RlpReader r = outer.readList();
      outer.requireEnd();
      Hash block = new Hash(r.readFixed(Hash.LENGTH));
      long number = r.readLong();
      long index = r.readLong();
      r.requireEnd();
      if (index > Integer.MAX_VALUE) {
        throw new RlpException(0, "transaction index " + index + " is out of range");
      }
      return Optional.of(new TxLocation(block, number, (int) index));
    } catch (RlpException e) {
      throw corrupt("lookup entry of transaction " + txHash, e);
    }
  }

  /**
   * Stores {@code block} as the new head, with its receipts, its transactions' lookup entries and
   * {@code trieNodes} (hash to encoding, typically {@link PendingNodes#nodes()}), in one synced atomic batch.
   * The block must extend the head (or be block 0 of an empty database); its transactions and receipts roots
   * must match the lists given, and every trie node must hash to its key. Nothing is written if any check
   * fails.
   */
  public synchronized void writeBlock(Block block, List<Receipt> blockReceipts, Map<Hash, byte[]> trieNodesToWrite)
      throws ChainDatabaseException {
    writeBlock(block, blockReceipts, trieNodesToWrite, Map.of());
  }

  /**
   * {@link #writeBlock(Block, List, Map)} with the content-addressed {@code blobsToWrite} (keccak256 to bytes) the
   * block's transactions stored, in the same atomic batch: after a crash the state never refers to a chunk the
   * database lacks. Every blob must hash to its key.
   */
  public synchronized void writeBlock(Block block, List<Receipt> blockReceipts, Map<Hash, byte[]> trieNodesToWrite,
      Map<Hash, byte[]> blobsToWrite) throws ChainDatabaseException {
    ensureOpen();
    BlockHeader header = block.header();
    Hash hash = header.hash();
    if (head == null) {
      if (header.number() != 0) {
        throw new ChainDatabaseException(INVALID_WRITE, "the database is empty, so the first block must be block 0,"
            + " not " + Long.toUnsignedString(header.number()));
      }
    } else if (header.number() != head.number() + 1 || !header.parentHash().equals(head.hash())) {
      throw new ChainDatabaseException(INVALID_WRITE, "block " + Long.toUnsignedString(header.number()) + " ("
          + hash + ", parent " + header.parentHash() + ") does not extend the head, block "
          + Long.toUnsignedString(head.number()) + " (" + head.hash() + ")");
    }
    List<Transaction> txs = block.transactions();
    if (blockReceipts.size() != txs.size()) {
      throw new ChainDatabaseException(INVALID_WRITE, "block " + hash + " has " + txs.size()
          + " transactions but " + blockReceipts.size() + " receipts were given");
    }
    if (!OrderedTrie.transactionsRoot(txs).equals(header.transactionsRoot())) {
      throw new ChainDatabaseException(INVALID_WRITE, "the transactions of block " + hash
          + " do not match its transactionsRoot");
    }
    if (!OrderedTrie.receiptsRoot(blockReceipts).equals(header.receiptsRoot())) {
      throw new ChainDatabaseException(INVALID_WRITE, "the receipts given for block " + hash
          + " do not match its receiptsRoot");
    }
    try (WriteBatch batch = new WriteBatch()) {
      for (Map.Entry<Hash, byte[]> node : trieNodesToWrite.entrySet()) {
        if (!Keccak256.hash(node.getValue()).equals(node.getKey())) {
          throw new ChainDatabaseException(INVALID_WRITE, "trie node stored under " + node.getKey()
              + " does not hash to it");
        }
        batch.put(trieNodes, node.getKey().bytes(), node.getValue());
      }
      for (Map.Entry<Hash, byte[]> blob : blobsToWrite.entrySet()) {
        if (!Keccak256.hash(blob.getValue()).equals(blob.getKey())) {
          throw new ChainDatabaseException(INVALID_WRITE, "blob stored under " + blob.getKey()
              + " does not hash to it");
        }
        batch.put(blobs, blob.getKey().bytes(), blob.getValue());
      }
      batch.put(headers, hash.bytes(), header.encode());
      batch.put(bodies, hash.bytes(), block.encodeBody());
      RlpWriter rw = new RlpWriter().startList();
      for (Receipt r : blockReceipts) {
        rw.writeBytes(r.encode());
      }
      batch.put(receipts, hash.bytes(), rw.endList().toByteArray());
      for (int i = 0; i < txs.size(); i++) {
        byte[] location = new RlpWriter().startList().writeBytes(hash.bytes()).writeLong(header.number())
            .writeLong(i).endList().toByteArray();
        batch.put(txLookup, txs.get(i).hash().bytes(), location);
      }
      batch.put(canonical, numberKey(header.number()), hash.bytes());
      batch.put(meta, HEAD_KEY, hash.bytes());
      db.write(syncWrites, batch);
    } catch (RocksDBException e) {
      throw new ChainDatabaseException(STORAGE, "writing block " + hash + " failed: " + e.getMessage(), e);
    }
    head = header;
  }

  /**
   * Makes the canonical block {@code number} the head again, discarding every later canonical block: their
   * headers, bodies, receipts, canonical index entries and transaction lookup entries go, and the head pointer
   * moves, all in one synced atomic batch (after a crash the database holds the old head or the new one, never a
   * mix). Trie nodes stay: they are shared by content and the kept blocks' states need many of them.
   * Rewinding to the head itself writes nothing.
   */
  public synchronized void rewind(long number) throws ChainDatabaseException {
    ensureOpen();
    if (head == null) {
      throw new ChainDatabaseException(INVALID_WRITE, "the database is empty; there is nothing to rewind");
    }
    if (number < 0 || number > head.number()) {
      throw new ChainDatabaseException(INVALID_WRITE, "cannot rewind to block " + number + ": the head is block "
          + head.number());
    }
    if (number == head.number()) {
      return;
    }
    Hash target = canonicalHash(number).orElseThrow(() -> new ChainDatabaseException(CORRUPT,
        "canonical block " + number + " is missing from the index"));
    BlockHeader newHead = header(target).orElseThrow(() -> new ChainDatabaseException(CORRUPT,
        "canonical block " + number + " (" + target + ") has no stored header"));
    try (WriteBatch batch = new WriteBatch()) {
      for (long n = head.number(); n > number; n--) {
        long discarded = n;
        Block block = blockByNumber(n).orElseThrow(() -> new ChainDatabaseException(CORRUPT,
            "canonical block " + discarded + " is missing below the head"));
        byte[] hash = block.hash().bytes();
        for (Transaction tx : block.transactions()) {
          batch.delete(txLookup, tx.hash().bytes());
        }
        batch.delete(headers, hash);
        batch.delete(bodies, hash);
        batch.delete(receipts, hash);
        batch.delete(canonical, numberKey(n));
      }
      batch.put(meta, HEAD_KEY, target.bytes());
      db.write(syncWrites, batch);
    } catch (RocksDBException e) {
      throw new ChainDatabaseException(STORAGE, "rewinding to block " + number + " failed: " + e.getMessage(), e);
    }
    head = newHead;
  }

  /**
   * Releases RocksDB's files and memory; the database and its node store are unusable afterwards (their methods
   * fail). Call it after readers have stopped.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    nodeStore.release();
    blobStore.release();
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    syncWrites.close();
    familyOptions.close();
    options.close();
  }

  private void ensureOpen() throws ChainDatabaseException {
    if (closed) {
      throw new ChainDatabaseException(STORAGE, "the chain database in " + dir + " is closed");
    }
  }

  private byte[] get(ColumnFamilyHandle family, byte[] key) throws ChainDatabaseException {
    ensureOpen();
    try {
      return db.get(family, key);
    } catch (RocksDBException e) {
      throw new ChainDatabaseException(STORAGE, "reading the chain database in " + dir + " failed: "
          + e.getMessage(), e);
    }
  }

  private ChainDatabaseException corrupt(String what, RlpException e) {
    return new ChainDatabaseException(CORRUPT, "the stored " + what + " is damaged: " + e.getMessage()
        + " (restore the data directory from a backup or resynchronise)", e);
  }

  /** Big-endian, so that the canonical index iterates in block order. */
  private static byte[] numberKey(long number) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[7 - i] = (byte) (number >>> (8 * i));
    }
    return b;
  }
}
