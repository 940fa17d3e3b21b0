package org.cvmj.chain.chain;

import static org.cvmj.chain.chain.ChainException.Reason.DATABASE;
import static org.cvmj.chain.chain.ChainException.Reason.EXECUTION_FAILED;
import static org.cvmj.chain.chain.ChainException.Reason.GENESIS_MISMATCH;
import static org.cvmj.chain.chain.ChainException.Reason.INVALID_BLOCK;
import static org.cvmj.chain.chain.ChainException.Reason.UNKNOWN_BLOCK;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cvmj.chain.block.BaseFee;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.GasLimit;
import org.cvmj.chain.block.LogsBloom;
import org.cvmj.chain.block.OrderedTrie;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.db.ChainDatabase;
import org.cvmj.chain.db.ChainDatabaseException;
import org.cvmj.chain.db.PendingNodes;
import org.cvmj.chain.db.TxLocation;
import org.cvmj.chain.evm.BlockContext;
import org.cvmj.chain.evm.ContractAddress;
import org.cvmj.chain.evm.TransactionExecutor;
import org.cvmj.chain.evm.TransactionRequest;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.SystemContracts;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.models.Inference;
import org.cvmj.chain.models.InferenceRefused;
import org.cvmj.chain.models.ModelRegistryView;
import org.cvmj.chain.models.Models;
import org.cvmj.chain.models.PendingBlobs;
import org.cvmj.chain.state.TrieWorldState;
import org.cvmj.chain.tx.CallRequest;
import org.cvmj.chain.tx.IntrinsicGas;
import org.cvmj.chain.tx.InvalidTransactionException;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.chain.tx.TransactionRules;

/**
 * A single-producer dev chain over a {@link ChainDatabase}: it produces blocks from the transactions it is
 * given, persists each with its receipts and state atomically, and answers the reads a JSON-RPC server needs
 * (state at a block, blocks, receipts, {@code eth_call}, gas estimation).
 *
 * <p>Block rules: every block keeps the genesis gas limit, its base fee follows EIP-1559 from its parent, its
 * coinbase is {@link #DEV_COINBASE} (which collects the priority fees; the base fee is burnt), its PREVRANDAO
 * is keccak(parent hash), and it carries Cancun's header fields with no blobs and a zero beacon root.
 *
 * <p>Every block and call runs with the CVM system contracts ({@link Models}: the model registry and the
 * {@code infer} precompile); chunks uploaded in a block are stored with it, in the same atomic batch.
 *
 * <p>Threads: {@link #produceBlock} and {@link #rewind} are serialised; reads may run beside it and see the head
 * as of their start.
 */
public final class Chain {
  /** Where the dev chain's priority fees go: the address 0xc0...01, which no one holds a key for. */
  public static final Address DEV_COINBASE = Address.fromHex("0xc0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c001");

  private final ChainDatabase db;
  private final Genesis genesis;
  private final Models models;
  private volatile BlockHeader head;

  private Chain(ChainDatabase db, Genesis genesis, BlockHeader head) {
    this.db = db;
    this.genesis = genesis;
    this.models = new Models(genesis.models());
    this.head = head;
  }

  /**
   * Opens the chain stored in {@code db}: writes block 0 from {@code genesis} when the database is empty, and
   * otherwise checks that its block 0 is this genesis and continues from its head.
   */
  public static Chain open(ChainDatabase db, Genesis genesis) throws ChainException {
    if (!db.chainId().equals(BigInteger.valueOf(genesis.chainId()))) {
      throw new ChainException(GENESIS_MISMATCH, "the database belongs to chain id " + db.chainId()
          + " but the genesis has chain id " + genesis.chainId());
    }
    PendingNodes pending = new PendingNodes(db.nodeStore());
    BlockHeader genesisHeader = genesis.header(genesis.writeState(pending));
    Optional<BlockHeader> stored = db.head();
    if (stored.isEmpty()) {
      try {
        db.writeBlock(new Block(genesisHeader, List.of()), List.of(), pending.nodes());
      } catch (ChainDatabaseException e) {
        throw new ChainException(DATABASE, "cannot write the genesis block: " + e.getMessage(), e);
      }
      return new Chain(db, genesis, genesisHeader);
    }
    Hash storedGenesis;
    try {
      storedGenesis = db.canonicalHash(0).orElseThrow(() -> new ChainException(GENESIS_MISMATCH,
          "the database has a head but no block 0; it is damaged"));
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot read block 0: " + e.getMessage(), e);
    }
    if (!storedGenesis.equals(genesisHeader.hash())) {
      throw new ChainException(GENESIS_MISMATCH, "the database's block 0 is " + storedGenesis
          + " but this genesis gives " + genesisHeader.hash() + "; use the genesis the database was created with"
          + " or a new data directory");
    }
    return new Chain(db, genesis, stored.get());
  }

  public Genesis genesis() {
    return genesis;
  }

  public long chainId() {
    return genesis.chainId();
  }

  /** The newest block's header. */
  public BlockHeader head() {
    return head;
  }

  // ---- block production ----

  /**
   * Builds, executes and stores the block after the head with {@code transactions} in the given order, at
   * {@code timestamp} (seconds, after the parent's). A transaction that is not valid at its turn (bad signature,
   * other chain id, nonce not the sender's, too little gas or balance, more gas than the block has left, fee
   * below the base fee) is left out and reported; the others are included even if they revert.
   */
  public synchronized ProducedBlock produceBlock(List<Transaction> transactions, long timestamp)
      throws ChainException {
    BlockHeader parent = head;
    if (timestamp <= parent.timestamp()) {
      throw new ChainException(INVALID_BLOCK, "block timestamp " + timestamp + " is not after the parent's "
          + parent.timestamp());
    }
    long number = parent.number() + 1;
    long gasLimit = GasLimit.next(parent.gasLimit(), genesis.gasLimit());
    BigInteger baseFee = BaseFee.next(parent);
    Hash prevRandao = Keccak256.hash(parent.hash().bytes());
    BlockContext context = new BlockContext(DEV_COINBASE, number, timestamp, gasLimit, Word.fromBigInteger(baseFee),
        Word.fromBytes(prevRandao.bytes()), Word.of(genesis.chainId()), Word.ONE, this::canonicalHashWord);

    PendingNodes pending = new PendingNodes(db.nodeStore());
    PendingBlobs blobs = new PendingBlobs(db.blobStore()::get);
    SystemContracts system = models.forExecution(blobs);
    TrieWorldState state = new TrieWorldState(pending, parent.stateRoot());
    List<Transaction> txs = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    List<IncludedTransaction> included = new ArrayList<>();
    List<RejectedTransaction> rejected = new ArrayList<>();
    long cumulativeGas = 0;
    for (Transaction tx : transactions) {
      Hash hash = tx.hash();
      try {
        Address sender = TransactionRules.validate(tx, genesis.chainId());
        if (Long.compareUnsigned(tx.gasLimit(), gasLimit - cumulativeGas) > 0) {
          throw new InvalidTransactionException(InvalidTransactionException.Reason.GAS_ABOVE_BLOCK_LIMIT,
              "gas limit " + Long.toUnsignedString(tx.gasLimit()) + " exceeds the " + (gasLimit - cumulativeGas)
              + " gas left in the block");
        }
        TransactionResult result = TransactionExecutor.execute(state, context, request(tx, sender), system);
        cumulativeGas += result.gasUsed();
        Receipt receipt = Receipt.of(tx.type(), result.isSuccess(), cumulativeGas, result.logs());
        included.add(new IncludedTransaction(tx, hash, sender, txs.size(), receipt, result.gasUsed(),
            result.createdAddress(), result));
        txs.add(tx);
        receipts.add(receipt);
      } catch (InvalidTransactionException e) {
        rejected.add(new RejectedTransaction(tx, hash, e.reason(), e.getMessage()));
      }
    }
    Hash stateRoot = state.commit();
    List<LogsBloom> blooms = new ArrayList<>();
    for (Receipt r : receipts) {
      blooms.add(r.bloom());
    }
    BlockHeader header = BlockHeader.cancun(parent.hash(), DEV_COINBASE, stateRoot,
        OrderedTrie.transactionsRoot(txs), OrderedTrie.receiptsRoot(receipts), LogsBloom.union(blooms), number,
        gasLimit, cumulativeGas, timestamp, new byte[0], prevRandao, baseFee, 0, 0, Hash.ZERO);
    Block block = new Block(header, txs);
    try {
      db.writeBlock(block, receipts, pending.nodes(), blobs.blobs());
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot store block " + number + ": " + e.getMessage(), e);
    }
    head = header;
    return new ProducedBlock(block, included, rejected);
  }

  /**
   * Makes canonical block {@code number} the head again, discarding the blocks after it (with their receipts and
   * transaction lookups) in one atomic database write; the state of block {@code number} is the state again.
   */
  public synchronized void rewind(long number) throws ChainException {
    BlockHeader current = head;
    if (number < 0 || number > current.number()) {
      throw new ChainException(UNKNOWN_BLOCK, "cannot rewind to block " + number + "; the head is block "
          + current.number());
    }
    try {
      db.rewind(number);
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot rewind to block " + number + ": " + e.getMessage(), e);
    }
    head = db.head().orElseThrow();
  }

  private static TransactionRequest request(Transaction tx, Address sender) {
    return new TransactionRequest(sender, tx.to(), tx.nonce(), Word.fromBigInteger(tx.value()), tx.data(),
        tx.gasLimit(), IntrinsicGas.of(tx), Word.fromBigInteger(tx.gasFeeCap()),
        Word.fromBigInteger(tx.gasTipCap()), tx.accessList(), List.of(), Word.ZERO);
  }

  private Word canonicalHashWord(long number) {
    try {
      return db.canonicalHash(number).map(h -> Word.fromBytes(h.bytes())).orElse(Word.ZERO);
    } catch (ChainDatabaseException e) {
      throw new IllegalStateException("cannot read the hash of block " + number + " for BLOCKHASH: "
          + e.getMessage(), e);
    }
  }

  // ---- blocks and receipts ----

  /** The canonical block with this number, if there is one. */
  public Optional<Block> blockByNumber(long number) throws ChainException {
    try {
      return db.blockByNumber(number);
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot read block " + number + ": " + e.getMessage(), e);
    }
  }

  /** The block with this hash, if stored. */
  public Optional<Block> blockByHash(Hash hash) throws ChainException {
    try {
      return db.block(hash);
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot read block " + hash + ": " + e.getMessage(), e);
    }
  }

  /** The receipts of the block with this hash, in transaction order, if stored. */
  public Optional<List<Receipt>> receipts(Hash blockHash) throws ChainException {
    try {
      return db.receipts(blockHash);
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot read the receipts of " + blockHash + ": " + e.getMessage(), e);
    }
  }

  /** The included transaction with this hash and where it is, if there is one. */
  public Optional<StoredReceipt> receipt(Hash txHash) throws ChainException {
    try {
      Optional<TxLocation> where = db.transactionLocation(txHash);
      if (where.isEmpty()) {
        return Optional.empty();
      }
      TxLocation loc = where.get();
      Block block = db.block(loc.blockHash()).orElseThrow(() -> new ChainException(DATABASE, "transaction "
          + txHash + " points at block " + loc.blockHash() + ", which is not stored"));
      List<Receipt> receipts = db.receipts(loc.blockHash()).orElseThrow(() -> new ChainException(DATABASE,
          "block " + loc.blockHash() + " has no stored receipts"));
      int i = loc.index();
      Transaction tx = block.transactions().get(i);
      Address sender = tx.sender();
      Receipt receipt = receipts.get(i);
      long gasUsed = receipt.cumulativeGasUsed() - (i == 0 ? 0 : receipts.get(i - 1).cumulativeGasUsed());
      int firstLog = 0;
      for (int k = 0; k < i; k++) {
        firstLog += receipts.get(k).logs().size();
      }
      Address created = tx.isCreate() ? ContractAddress.create(sender, tx.nonce()) : null;
      return Optional.of(new StoredReceipt(tx, txHash, sender, loc.blockHash(), loc.blockNumber(), i, receipt,
          gasUsed, created, tx.effectiveGasPrice(block.header().baseFeePerGas()), firstLog));
    } catch (ChainDatabaseException e) {
      throw new ChainException(DATABASE, "cannot read transaction " + txHash + ": " + e.getMessage(), e);
    } catch (InvalidTransactionException e) {
      throw new ChainException(DATABASE, "stored transaction " + txHash + " has no valid signature: "
          + e.getMessage(), e);
    }
  }

  // ---- state ----

  /**
   * The state after block {@code number}, as a private, throwaway world state: changes made to it are never
   * stored.
   */
  public TrieWorldState stateAt(long number) throws ChainException {
    return new TrieWorldState(db.nodeStore(), header(number).stateRoot());
  }

  public BigInteger balance(Address a, long number) throws ChainException {
    return stateAt(number).balance(a).toBigInteger();
  }

  public long nonce(Address a, long number) throws ChainException {
    return stateAt(number).nonce(a);
  }

  public byte[] code(Address a, long number) throws ChainException {
    return stateAt(number).code(a);
  }

  public Word storage(Address a, Word slot, long number) throws ChainException {
    return stateAt(number).storage(a, slot);
  }

  /** The model registry as of block {@code number}: models, upload progress, earnings. */
  public ModelRegistryView modelRegistry(long number) throws ChainException {
    return new ModelRegistryView(stateAt(number));
  }

  /**
   * Runs {@code input} through {@code model} off chain on the state after block {@code number}, as an
   * {@code eth_call} of the {@code infer} precompile at that block would (same checks, reasons and output), with
   * the node's model caches; nothing is charged, counted or stored.
   *
   * @throws InferenceRefused with the precompile's revert reason when it would refuse the call
   */
  public Inference infer(Address model, byte[] input, long number) throws ChainException, InferenceRefused {
    BlockHeader h = header(number);
    return models.infer(new TrieWorldState(db.nodeStore(), h.stateRoot()), new PendingBlobs(db.blobStore()::get),
        h.number(), model, input);
  }

  /** The stored blob (an uploaded chunk) with this keccak256, if the node has it. */
  public Optional<byte[]> blob(Hash key) {
    return Optional.ofNullable(db.blobStore().get(key));
  }

  /** The header of the canonical block {@code number}. */
  public BlockHeader header(long number) throws ChainException {
    BlockHeader h = head;
    if (number == h.number()) {
      return h;
    }
    if (number < 0 || number > h.number()) {
      throw new ChainException(UNKNOWN_BLOCK, "no block " + number + "; the head is block " + h.number());
    }
    return blockByNumber(number).orElseThrow(() -> new ChainException(UNKNOWN_BLOCK, "no canonical block "
        + number)).header();
  }

  // ---- eth_call and eth_estimateGas ----

  /**
   * Executes {@code call} on the state after block {@code number}, in that block's environment, without storing
   * anything. The nonce is the sender's; without a gas price the call pays nothing and the base fee is not
   * enforced. Throws {@link InvalidTransactionException} when the message could not even be included (for
   * example a value above the sender's balance, or a gas limit below the intrinsic gas).
   */
  public TransactionResult call(CallRequest call, long number) throws ChainException, InvalidTransactionException {
    BlockHeader h = header(number);
    TrieWorldState state = new TrieWorldState(db.nodeStore(), h.stateRoot());
    return execute(state, h, call);
  }

  private TransactionResult execute(TrieWorldState state, BlockHeader h, CallRequest call)
      throws InvalidTransactionException {
    Address from = call.from() == null ? Address.ZERO : call.from();
    long gas = call.gas() == null ? h.gasLimit() : call.gas();
    // geth's rules for a call's price: none given means a free call not held to the base fee; a legacy price is
    // both cap and tip; EIP-1559 fields pay min(max fee, base fee + tip)
    boolean priced = call.gasPrice() != null || call.maxFeePerGas() != null || call.maxPriorityFeePerGas() != null;
    Word feeCap;
    Word tipCap;
    if (call.gasPrice() != null) {
      feeCap = Word.fromBigInteger(call.gasPrice());
      tipCap = feeCap;
    } else {
      BigInteger tip = call.maxPriorityFeePerGas() == null ? BigInteger.ZERO : call.maxPriorityFeePerGas();
      BigInteger cap = call.maxFeePerGas() == null ? h.baseFeePerGas().add(tip) : call.maxFeePerGas();
      feeCap = priced ? Word.fromBigInteger(cap) : Word.ZERO;
      tipCap = priced ? Word.fromBigInteger(tip) : Word.ZERO;
    }
    Word baseFee = priced ? Word.fromBigInteger(h.baseFeePerGas()) : Word.ZERO;
    BlockContext context = new BlockContext(h.coinbase(), h.number(), h.timestamp(), h.gasLimit(), baseFee,
        Word.fromBytes(h.mixHash().bytes()), Word.of(genesis.chainId()), Word.ONE, this::canonicalHashWord);
    byte[] data = call.inputOrEmpty();
    List<org.cvmj.chain.tx.AccessListEntry> accessList = call.accessListOrEmpty();
    long intrinsic = IntrinsicGas.of(data, call.to() == null, accessList);
    TransactionRequest request = new TransactionRequest(from, call.to(), state.nonce(from),
        Word.fromBigInteger(call.valueOrZero()), data, gas, intrinsic, feeCap, tipCap, accessList, List.of(),
        Word.ZERO);
    // a call may upload a chunk too: its blobs live in a throwaway overlay, like its state
    return TransactionExecutor.execute(state, context, request,
        models.forExecution(new PendingBlobs(db.blobStore()::get)));
  }

  /**
   * The smallest gas limit under which {@code call} succeeds on the head state: a binary search between the
   * intrinsic gas and the call's gas (or the block gas limit). Fails with {@link ChainException.Reason#EXECUTION_FAILED}
   * (and the revert reason when there is one) when it does not succeed even with the most gas.
   */
  public long estimateGas(CallRequest call) throws ChainException, InvalidTransactionException {
    BlockHeader h = head;
    long cap = call.gas() == null ? h.gasLimit() : call.gas();
    TransactionResult atCap = execute(new TrieWorldState(db.nodeStore(), h.stateRoot()), h, call.withGas(cap));
    if (!atCap.isSuccess()) {
      throw new ChainException(EXECUTION_FAILED, "the call fails even with " + cap + " gas ("
          + (atCap.haltReason() != null ? atCap.haltReason() : "reverted")
          + org.cvmj.chain.sol.Abi.revertReason(atCap.returnData() == null ? new byte[0] : atCap.returnData())
              .map(r -> ": " + r).orElse("") + ")");
    }
    long lo = IntrinsicGas.of(call.inputOrEmpty(), call.to() == null, call.accessListOrEmpty()) - 1; // fails
    long hi = cap; // succeeds
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (succeeds(h, call.withGas(mid))) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private boolean succeeds(BlockHeader h, CallRequest call) {
    try {
      return execute(new TrieWorldState(db.nodeStore(), h.stateRoot()), h, call).isSuccess();
    } catch (InvalidTransactionException e) {
      return false;
    }
  }

  /** The stored database (for RPC methods that read it directly). */
  public ChainDatabase database() {
    return db;
  }

  /** The genesis allocation, for tools that list the dev accounts. */
  public Map<Address, BigInteger> alloc() {
    return genesis.alloc();
  }
}
