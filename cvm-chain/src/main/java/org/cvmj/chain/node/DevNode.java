package org.cvmj.chain.node;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.cvmj.chain.block.BaseFee;
import org.cvmj.chain.block.Block;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.Receipt;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.chain.ChainException;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.chain.IncludedTransaction;
import org.cvmj.chain.chain.ProducedBlock;
import org.cvmj.chain.chain.RejectedTransaction;
import org.cvmj.chain.chain.StoredReceipt;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.CallResult;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.models.Inference;
import org.cvmj.chain.models.InferenceRefused;
import org.cvmj.chain.models.ModelFile;
import org.cvmj.chain.models.ModelRegistryView;
import org.cvmj.chain.rpc.AuthorRewards;
import org.cvmj.chain.rpc.BlockSelector;
import org.cvmj.chain.rpc.BlockView;
import org.cvmj.chain.rpc.ChainEvent;
import org.cvmj.chain.rpc.ChainListener;
import org.cvmj.chain.rpc.DeepStackThreads;
import org.cvmj.chain.rpc.FeeHistory;
import org.cvmj.chain.rpc.LogFilter;
import org.cvmj.chain.rpc.LogView;
import org.cvmj.chain.rpc.ModelPage;
import org.cvmj.chain.rpc.ModelView;
import org.cvmj.chain.rpc.NodeBackend;
import org.cvmj.chain.rpc.ReceiptView;
import org.cvmj.chain.rpc.RpcException;
import org.cvmj.chain.rpc.TransactionView;
import org.cvmj.chain.rpc.UploadProgress;
import org.cvmj.chain.tx.CallRequest;
import org.cvmj.chain.tx.InvalidTransactionException;
import org.cvmj.chain.tx.Transaction;
import org.cvmj.chain.tx.TransactionReader;
import org.cvmj.chain.tx.TransactionRules;

/**
 * A development node: the {@link NodeBackend} the JSON-RPC server calls, over a {@link Chain}.
 *
 * <p><b>Mining.</b> With automine (block time 0) every transaction the pool accepts that can run now is mined at
 * once, before {@code eth_sendRawTransaction}/{@code eth_sendTransaction} returns, so its receipt exists (and is
 * on disk: the chain writes each block in one synced batch) when the client gets the hash. With a block time,
 * a background thread seals a block with the pool's executable transactions every that many seconds (empty
 * blocks included, as Hardhat's interval mining does). {@code evm_mine} seals one block now either way.
 *
 * <p><b>Time.</b> A block's timestamp is max(clock + offset, parent + 1) in seconds; {@code evm_increaseTime}
 * adds to the offset and {@code evm_mine} with a timestamp sets it. The clock decides timestamps only, never
 * which transactions go in or what they do.
 *
 * <p><b>Admission</b> ({@code eth_sendRawTransaction}), with geth's error texts: decodes (else {@code rlp: ...}),
 * checks the rules that hold without the state (chain id, signature, fees, intrinsic gas), then against the head:
 * a nonce below the sender's is {@code nonce too low}, gas above the block's {@code exceeds block gas limit}, a fee
 * cap below the next block's base fee {@code max fee per gas less than block base fee}, gas * fee cap + value,
 * plus the same cost of the sender's pooled transactions with lower nonces, above the balance
 * {@code insufficient funds for gas * price + value}; then the {@link TxPool}'s rules. A nonce above the
 * sender's next one is accepted and queued, as in geth: it is mined once the transactions filling the gap
 * arrive.
 *
 * <p><b>Snapshots.</b> {@code evm_snapshot} records, in memory, the head block number, the time offset and the
 * pool. {@code evm_revert} restores all three, as Hardhat and Ganache do: blocks mined since the snapshot are
 * discarded from the canonical chain together with their receipts and transaction lookups, in one atomic
 * database write (so a restart continues from the reverted head), transactions they included are gone unless
 * they were pooled at the snapshot, and the id and all later ones are used up. Snapshot ids are not kept on disk:
 * they do not survive a restart.
 *
 * <p><b>Events.</b> Each new block, and each rewind by {@code evm_revert}, is published as a {@link ChainEvent}
 * to the {@link ChainListener}s added with {@link #addListener}, in chain order, before the next block can be
 * produced (the WebSocket subscriptions are such a listener). A rewind's event carries the logs of the discarded
 * blocks marked {@code removed}.
 *
 * <p><b>Threads.</b> The interval miner runs on a {@link DeepStackThreads} thread, as the RPC servers' handlers
 * do, so that EVM code always has the stack its 1024-frame call depth needs. One lock serialises everything that
 * changes the chain, the pool, the clock offset or the snapshots; state, block and receipt reads do not take it (the chain serves them from its head as of their
 * start).
 */
public final class DevNode implements NodeBackend, AutoCloseable {
  /** The priority fee this node suggests ({@code eth_maxPriorityFeePerGas}), and gives sent transactions: 1 gwei. */
  public static final BigInteger SUGGESTED_TIP = BigInteger.valueOf(1_000_000_000L);
  /** The most blocks one {@code eth_getLogs} may scan. */
  public static final long MAX_LOG_RANGE = 10_000;
  public static final String CLIENT_VERSION = "cvm-chain/v0.1.0/" + System.getProperty("os.name", "unknown")
      .toLowerCase(java.util.Locale.ROOT) + "/java" + Runtime.version().feature();

  private record Snapshot(long blockNumber, long timeOffset, TxPool pool) {}

  private final Chain chain;
  private final LongSupplier clockSeconds;
  private final Map<Address, BigInteger> keys;
  private final boolean automine;
  private final Object lock = new Object();
  private final ScheduledExecutorService miner;
  private TxPool pool = new TxPool();
  private long timeOffset;
  private final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
  private long nextSnapshotId = 1;

  /**
   * A node over {@code chain} that signs for the genesis-funded {@link DevAccounts}, reads seconds from
   * {@code clockSeconds}, and mines each transaction at once ({@code blockTimeSeconds} 0) or every
   * {@code blockTimeSeconds} seconds on a thread of its own (stopped by {@link #close}).
   */
  public DevNode(Chain chain, LongSupplier clockSeconds, long blockTimeSeconds) {
    if (blockTimeSeconds < 0) {
      throw new IllegalArgumentException("the block time is 0 (automine) or a number of seconds, got "
          + blockTimeSeconds);
    }
    this.chain = chain;
    this.clockSeconds = clockSeconds;
    Map<Address, BigInteger> k = new LinkedHashMap<>();
    for (int i = 0; chain.alloc().containsKey(DevAccounts.address(i)); i++) {
      k.put(DevAccounts.address(i), DevAccounts.privateKey(i));
    }
    this.keys = Collections.unmodifiableMap(k);
    this.automine = blockTimeSeconds == 0;
    if (automine) {
      miner = null;
    } else {
      miner = Executors.newSingleThreadScheduledExecutor(new DeepStackThreads("cvm-chain-miner"));
      miner.scheduleAtFixedRate(this::mineQuietly, blockTimeSeconds, blockTimeSeconds, TimeUnit.SECONDS);
    }
  }

  /** An automining node on the system clock. */
  public static DevNode automining(Chain chain) {
    return new DevNode(chain, () -> System.currentTimeMillis() / 1000, 0);
  }

  public Chain chain() {
    return chain;
  }

  /** Publishes this node's chain changes to {@code listener} from now on (see the class comment). */
  public void addListener(ChainListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ChainListener listener) {
    listeners.remove(listener);
  }

  /** Called with the lock held, so that events reach listeners in chain order. */
  private void publish(java.util.function.Supplier<ChainEvent> event) {
    if (listeners.isEmpty()) {
      return;
    }
    ChainEvent e = event.get();
    for (ChainListener l : listeners) {
      try {
        l.onChainEvent(e);
      } catch (RuntimeException ignored) {
        // a listener's failure is its own; the chain has changed either way and mining goes on
      }
    }
  }

  /** Stops interval mining (waiting for a block being sealed); the chain and its database stay open. */
  @Override
  public void close() {
    if (miner != null) {
      miner.shutdown();
      try {
        miner.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void mineQuietly() {
    try {
      mine(OptionalLong.empty());
    } catch (RuntimeException e) {
      // interval mining has no caller to tell; the next tick tries again and the RPC reads show the state
    }
  }

  // ---- identity ----

  @Override
  public long chainId() {
    return chain.chainId();
  }

  @Override
  public String clientVersion() {
    return CLIENT_VERSION;
  }

  @Override
  public long blockNumber() {
    return chain.head().number();
  }

  @Override
  public List<Address> accounts() {
    return List.copyOf(keys.keySet());
  }

  // ---- state ----

  @Override
  public BigInteger balance(Address address, BlockSelector block) {
    return read(() -> chain.balance(address, resolve(block)));
  }

  @Override
  public long nonce(Address address, BlockSelector block) {
    if (block instanceof BlockSelector.Tagged t && t.tag() == BlockSelector.Tag.PENDING) {
      long stateNonce = read(() -> chain.nonce(address, chain.head().number()));
      synchronized (lock) {
        return pool.nextNonce(address, stateNonce);
      }
    }
    return read(() -> chain.nonce(address, resolve(block)));
  }

  @Override
  public byte[] code(Address address, BlockSelector block) {
    return read(() -> chain.code(address, resolve(block)));
  }

  @Override
  public Hash storageAt(Address address, Hash slot, BlockSelector block) {
    return read(() -> new Hash(chain.storage(address, Word.fromBytes(slot.bytes()), resolve(block)).toBytes()));
  }

  @Override
  public byte[] call(CallRequest request, BlockSelector block) {
    TransactionResult r = execute(request, resolve(block));
    if (r.isSuccess()) {
      return r.returnData() == null ? new byte[0] : r.returnData();
    }
    throw failure(r);
  }

  private TransactionResult execute(CallRequest request, long number) {
    try {
      return chain.call(request, number);
    } catch (InvalidTransactionException e) {
      throw RpcException.serverError(TxRejection.message(e));
    } catch (ChainException e) {
      throw translate(e);
    }
  }

  private static RpcException failure(TransactionResult r) {
    if (r.status() == CallResult.Status.REVERT) {
      return RpcException.reverted(r.returnData() == null ? new byte[0] : r.returnData());
    }
    return RpcException.serverError(r.haltReason() == null ? "execution failed" : r.haltReason().message());
  }

  /** Gas estimation on the head state (the block parameter is accepted but, as on Hardhat, the head is used). */
  @Override
  public long estimateGas(CallRequest request, BlockSelector block) {
    try {
      return chain.estimateGas(request);
    } catch (InvalidTransactionException e) {
      throw RpcException.serverError(TxRejection.message(e));
    } catch (ChainException e) {
      if (e.reason() == ChainException.Reason.EXECUTION_FAILED) {
        long cap = request.gas() == null ? chain.head().gasLimit() : request.gas();
        TransactionResult atCap = execute(request.withGas(cap), chain.head().number());
        if (atCap.status() == CallResult.Status.REVERT) {
          throw failure(atCap);
        }
        throw RpcException.serverError("gas required exceeds allowance (" + cap + ")"
            + (atCap.haltReason() == null ? "" : ": " + atCap.haltReason().message()));
      }
      throw translate(e);
    }
  }

  // ---- fees ----

  private BigInteger nextBaseFee() {
    return BaseFee.next(chain.head());
  }

  @Override
  public BigInteger gasPrice() {
    return nextBaseFee().add(SUGGESTED_TIP);
  }

  @Override
  public BigInteger maxPriorityFeePerGas() {
    return SUGGESTED_TIP;
  }

  @Override
  public FeeHistory feeHistory(int blockCount, BlockSelector newestBlock, double[] rewardPercentiles) {
    long newest = resolve(newestBlock);
    long oldest = Math.max(0, newest - blockCount + 1);
    List<BigInteger> baseFees = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<List<BigInteger>> rewards = rewardPercentiles.length == 0 ? null : new ArrayList<>();
    BlockHeader last = null;
    for (long n = oldest; n <= newest; n++) {
      long number = n;
      Block block = read(() -> chain.blockByNumber(number)).orElseThrow(RpcException::headerNotFound);
      BlockHeader h = block.header();
      baseFees.add(h.baseFeePerGas());
      ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
      if (rewards != null) {
        rewards.add(rewards(block, rewardPercentiles));
      }
      last = h;
    }
    baseFees.add(BaseFee.next(last));
    return new FeeHistory(oldest, baseFees, ratios, rewards);
  }

  /** The effective tips at the percentiles of the block's gas, as geth computes them (0 for an empty block). */
  private List<BigInteger> rewards(Block block, double[] percentiles) {
    List<Transaction> txs = block.transactions();
    List<BigInteger> out = new ArrayList<>();
    if (txs.isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        out.add(BigInteger.ZERO);
      }
      return out;
    }
    List<Receipt> receipts = read(() -> chain.receipts(block.hash())).orElseThrow(RpcException::headerNotFound);
    BigInteger baseFee = block.header().baseFeePerGas();
    record TipGas(BigInteger tip, long gas) {}
    List<TipGas> sorted = new ArrayList<>();
    long prev = 0;
    for (int i = 0; i < txs.size(); i++) {
      long cumulative = receipts.get(i).cumulativeGasUsed();
      Transaction tx = txs.get(i);
      sorted.add(new TipGas(tx.effectiveGasPrice(baseFee).subtract(baseFee), cumulative - prev));
      prev = cumulative;
    }
    sorted.sort((a, b) -> a.tip().compareTo(b.tip()));
    long total = block.header().gasUsed();
    int i = 0;
    long sum = sorted.get(0).gas();
    for (double p : percentiles) {
      double threshold = total * p / 100;
      while (sum < threshold && i < sorted.size() - 1) {
        i++;
        sum += sorted.get(i).gas();
      }
      out.add(sorted.get(i).tip());
    }
    return out;
  }

  // ---- transactions ----

  @Override
  public Hash sendRawTransaction(byte[] signedTransaction) {
    Transaction tx;
    try {
      tx = TransactionReader.decode(signedTransaction);
    } catch (InvalidTransactionException e) {
      throw RpcException.serverError(TxRejection.message(e));
    }
    return submit(tx);
  }

  /**
   * Fills what the request leaves out (nonce: the sender's next one including pooled transactions; gas: an
   * estimate; fees: a legacy EIP-155 transaction when {@code gasPrice} is given, otherwise EIP-1559 with tip
   * {@link #SUGGESTED_TIP} and fee cap twice the next base fee plus the tip), signs with the sender's dev key
   * and submits it.
   */
  @Override
  public Hash sendTransaction(CallRequest request) {
    BigInteger key = keys.get(request.from());
    if (key == null) {
      throw RpcException.serverError("unknown account " + request.from().toChecksumHex()
          + ": this node signs only for its dev accounts (eth_accounts)");
    }
    if (request.chainId() != null && !request.chainId().equals(BigInteger.valueOf(chainId()))) {
      throw RpcException.serverError("chainId does not match node's (have=" + request.chainId() + ", want="
          + chainId() + ")");
    }
    synchronized (lock) {
      long nonce = request.nonce() != null ? request.nonce() : nonce(request.from(), new BlockSelector.Tagged(
          BlockSelector.Tag.PENDING));
      long gas = request.gas() != null ? request.gas() : estimateGas(request, BlockSelector.LATEST);
      BigInteger chainIdBig = BigInteger.valueOf(chainId());
      Transaction unsigned;
      if (request.gasPrice() != null) {
        unsigned = Transaction.legacy(chainIdBig, nonce, request.gasPrice(), gas, request.to(),
            request.valueOrZero(), request.inputOrEmpty());
      } else {
        BigInteger tip = request.maxPriorityFeePerGas() != null ? request.maxPriorityFeePerGas() : SUGGESTED_TIP;
        BigInteger cap = request.maxFeePerGas() != null ? request.maxFeePerGas()
            : nextBaseFee().shiftLeft(1).add(tip);
        unsigned = Transaction.dynamicFee(chainIdBig, nonce, tip, cap, gas, request.to(), request.valueOrZero(),
            request.inputOrEmpty(), request.accessListOrEmpty());
      }
      return submit(unsigned.sign(key));
    }
  }

  private Hash submit(Transaction tx) {
    Address sender;
    try {
      sender = TransactionRules.validate(tx, chainId());
    } catch (InvalidTransactionException e) {
      throw RpcException.serverError(TxRejection.message(e));
    }
    Hash hash = tx.hash();
    synchronized (lock) {
      BlockHeader head = chain.head();
      long stateNonce = read(() -> chain.nonce(sender, head.number()));
      if (Long.compareUnsigned(tx.nonce(), stateNonce) < 0) {
        throw RpcException.serverError("nonce too low: next nonce " + stateNonce + ", tx nonce "
            + Long.toUnsignedString(tx.nonce()));
      }
      if (Long.compareUnsigned(tx.gasLimit(), head.gasLimit()) > 0) {
        throw RpcException.serverError("exceeds block gas limit: gas " + Long.toUnsignedString(tx.gasLimit())
            + ", block gas limit " + head.gasLimit());
      }
      BigInteger baseFee = nextBaseFee();
      if (tx.gasFeeCap().compareTo(baseFee) < 0) {
        throw RpcException.serverError("max fee per gas less than block base fee: address "
            + sender.toChecksumHex() + ", maxFeePerGas: " + tx.gasFeeCap() + ", baseFee: " + baseFee);
      }
      BigInteger balance = read(() -> chain.balance(sender, head.number()));
      BigInteger cost = TxPool.cost(tx);
      BigInteger queued = pool.costBelow(sender, tx.nonce());
      BigInteger need = cost.add(queued);
      if (need.compareTo(balance) > 0) {
        throw RpcException.serverError("insufficient funds for gas * price + value: balance " + balance
            + (queued.signum() > 0 ? ", queued cost " + queued : "") + ", tx cost " + cost + ", overshot "
            + need.subtract(balance));
      }
      if (read(() -> chain.code(sender, head.number())).length > 0) {
        throw RpcException.serverError("sender not an eoa: address " + sender.toChecksumHex());
      }
      try {
        pool.add(new TxPool.Pooled(tx, hash, sender));
      } catch (TxPool.Refused e) {
        throw RpcException.serverError(e.getMessage());
      }
      if (automine && pool.hasExecutable(this::headNonce)) {
        ProducedBlock produced = mineLocked(OptionalLong.empty());
        for (RejectedTransaction r : produced.rejected()) {
          if (r.hash().equals(hash)) {
            throw RpcException.serverError(TxRejection.sentinel(r.reason()) + ": " + r.message());
          }
        }
      }
    }
    return hash;
  }

  private long headNonce(Address a) {
    return read(() -> chain.nonce(a, chain.head().number()));
  }

  @Override
  public Optional<TransactionView> transaction(Hash hash) {
    Optional<StoredReceipt> mined = read(() -> chain.receipt(hash));
    if (mined.isPresent()) {
      StoredReceipt r = mined.get();
      Block block = read(() -> chain.blockByHash(r.blockHash())).orElseThrow(RpcException::headerNotFound);
      return Optional.of(RpcViews.transaction(r.transaction(), r.sender(), block, r.index()));
    }
    synchronized (lock) {
      return pool.get(hash).map(p -> RpcViews.transaction(p.tx(), p.sender(), null, 0));
    }
  }

  @Override
  public Optional<ReceiptView> receipt(Hash hash) {
    return read(() -> chain.receipt(hash)).map(RpcViews::receipt);
  }

  // ---- blocks and logs ----

  @Override
  public Optional<BlockView> block(BlockSelector selector) {
    Optional<Block> block;
    if (selector instanceof BlockSelector.ByHash h) {
      block = read(() -> chain.blockByHash(h.hash()));
    } else {
      long n = selector instanceof BlockSelector.Number num ? num.number() : resolve(selector);
      if (n > chain.head().number()) {
        return Optional.empty();
      }
      block = read(() -> chain.blockByNumber(n));
    }
    return block.map(b -> RpcViews.block(b, senders(b)));
  }

  private static List<Address> senders(Block b) {
    List<Address> out = new ArrayList<>();
    for (Transaction tx : b.transactions()) {
      try {
        out.add(tx.sender());
      } catch (InvalidTransactionException e) {
        throw RpcException.serverError("stored transaction " + tx.hash() + " has no valid signature: "
            + e.getMessage());
      }
    }
    return out;
  }

  @Override
  public List<LogView> logs(LogFilter filter) {
    if (filter.blockHash() != null) {
      Block block = read(() -> chain.blockByHash(filter.blockHash()))
          .orElseThrow(() -> RpcException.serverError("unknown block"));
      return blockLogs(block, filter);
    }
    long head = chain.head().number();
    long from = Math.min(resolve(filter.fromBlock(), true), head);
    long to = Math.min(resolve(filter.toBlock(), true), head);
    if (from > to) {
      throw RpcException.serverError("invalid block range params: fromBlock " + from + " is after toBlock " + to);
    }
    if (to - from + 1 > MAX_LOG_RANGE) {
      throw RpcException.serverError("query exceeds max block range " + MAX_LOG_RANGE + ": asked for blocks "
          + from + " to " + to + "; split the range");
    }
    List<LogView> out = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      long number = n;
      Block block = read(() -> chain.blockByNumber(number)).orElseThrow(RpcException::headerNotFound);
      if (!block.transactions().isEmpty()) {
        out.addAll(blockLogs(block, filter));
      }
    }
    return out;
  }

  private List<LogView> blockLogs(Block block, LogFilter filter) {
    List<Receipt> receipts = read(() -> chain.receipts(block.hash())).orElseThrow(RpcException::headerNotFound);
    List<LogView> out = new ArrayList<>();
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      Receipt r = receipts.get(i);
      for (LogView log : RpcViews.logs(r, block.number(), block.hash(), block.transactions().get(i).hash(), i,
          logIndex)) {
        if (filter.matches(log)) {
          out.add(log);
        }
      }
      logIndex += r.logs().size();
    }
    return out;
  }

  // ---- the model registry ----

  @Override
  public Optional<ModelView> model(Address model, BlockSelector block) {
    long number = resolve(block);
    return read(() -> chain.modelRegistry(number)).model(model).map(m -> new ModelView(m, number));
  }

  @Override
  public ModelPage models(long offset, int limit, BlockSelector block) {
    long number = resolve(block);
    ModelRegistryView registry = read(() -> chain.modelRegistry(number));
    return new ModelPage(number, registry.modelCount(), offset, registry.models(offset, limit));
  }

  @Override
  public Optional<UploadProgress> uploadProgress(Address model, BlockSelector block) {
    ModelRegistryView registry = read(() -> chain.modelRegistry(resolve(block)));
    return registry.model(model).map(m -> new UploadProgress(m, registry.missingChunks(model, ModelFile.SYMBOL),
        registry.missingChunks(model, ModelFile.PARAMS)));
  }

  @Override
  public AuthorRewards rewards(Address author, BlockSelector block) {
    ModelRegistryView registry = read(() -> chain.modelRegistry(resolve(block)));
    return new AuthorRewards(author, registry.authorEarned(author).toBigInteger(), registry.modelsBy(author));
  }

  /** Runs on the calling RPC thread (a deep-stack one) with the chain's model caches. */
  @Override
  public Inference infer(Address model, byte[] input, BlockSelector block) {
    long number = resolve(block);
    try {
      return chain.infer(model, input, number);
    } catch (InferenceRefused e) {
      throw RpcException.reverted(e.revertData());
    } catch (ChainException e) {
      throw translate(e);
    }
  }

  // ---- development methods ----

  @Override
  public void mine(OptionalLong timestamp) {
    synchronized (lock) {
      if (timestamp.isPresent()) {
        long parent = chain.head().timestamp();
        if (timestamp.getAsLong() <= parent) {
          throw RpcException.serverError("timestamp " + timestamp.getAsLong()
              + " is not after the latest block's timestamp " + parent);
        }
        timeOffset = timestamp.getAsLong() - clockSeconds.getAsLong();
      }
      mineLocked(timestamp);
    }
  }

  private ProducedBlock mineLocked(OptionalLong timestamp) {
    BlockHeader head = chain.head();
    long time = timestamp.orElse(Math.max(clockSeconds.getAsLong() + timeOffset, head.timestamp() + 1));
    List<Transaction> txs = pool.executable(this::headNonce, BaseFee.next(head), head.gasLimit());
    ProducedBlock produced;
    try {
      produced = chain.produceBlock(txs, time);
    } catch (ChainException e) {
      throw translate(e);
    }
    for (IncludedTransaction t : produced.included()) {
      pool.remove(t.hash());
    }
    for (RejectedTransaction r : produced.rejected()) {
      pool.remove(r.hash());
    }
    pool.dropStale(this::headNonce);
    publish(() -> newBlockEvent(produced));
    return produced;
  }

  private static ChainEvent newBlockEvent(ProducedBlock produced) {
    Block block = produced.block();
    List<Address> senders = new ArrayList<>();
    List<LogView> logs = new ArrayList<>();
    int logIndex = 0;
    for (IncludedTransaction t : produced.included()) {
      senders.add(t.sender());
      logs.addAll(RpcViews.logs(t.receipt(), block.number(), block.hash(), t.hash(), t.index(), logIndex));
      logIndex += t.receipt().logs().size();
    }
    return new ChainEvent.NewBlock(RpcViews.block(block, senders), logs);
  }

  @Override
  public long snapshot() {
    synchronized (lock) {
      long id = nextSnapshotId++;
      snapshots.put(id, new Snapshot(chain.head().number(), timeOffset, pool.copy()));
      return id;
    }
  }

  @Override
  public boolean revert(long snapshotId) {
    synchronized (lock) {
      Snapshot s = snapshots.get(snapshotId);
      if (s == null) {
        return false;
      }
      long head = chain.head().number();
      if (head != s.blockNumber()) {
        List<LogView> removed = listeners.isEmpty() ? List.of() : removedLogs(s.blockNumber() + 1, head);
        try {
          chain.rewind(s.blockNumber());
        } catch (ChainException e) {
          throw translate(e);
        }
        publish(() -> new ChainEvent.Rewound(s.blockNumber(), removed));
      }
      timeOffset = s.timeOffset();
      pool = s.pool().copy();
      snapshots.tailMap(snapshotId, true).clear();
      return true;
    }
  }

  /** The logs of canonical blocks {@code from..to}, in chain order, marked removed. */
  private List<LogView> removedLogs(long from, long to) {
    LogFilter all = new LogFilter(null, null, null, List.of(), List.of());
    List<LogView> out = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      long number = n;
      Block block = read(() -> chain.blockByNumber(number)).orElseThrow(RpcException::headerNotFound);
      for (LogView l : blockLogs(block, all)) {
        out.add(new LogView(l.address(), l.topics(), l.data(), l.blockNumber(), l.transactionHash(),
            l.transactionIndex(), l.blockHash(), l.logIndex(), true));
      }
    }
    return out;
  }

  @Override
  public long increaseTime(long seconds) {
    if (seconds < 0) {
      throw RpcException.invalidParams("evm_increaseTime takes a non-negative number of seconds, got " + seconds);
    }
    synchronized (lock) {
      timeOffset = Math.addExact(timeOffset, seconds);
      return timeOffset;
    }
  }

  // ---- block selectors and errors ----

  private long resolve(BlockSelector selector) {
    return resolve(selector, false);
  }

  /** The block number a selector means; a number past the head is an error unless {@code clampFuture}. */
  private long resolve(BlockSelector selector, boolean clampFuture) {
    long head = chain.head().number();
    if (selector instanceof BlockSelector.Tagged t) {
      return t.tag() == BlockSelector.Tag.EARLIEST ? 0 : head;
    }
    if (selector instanceof BlockSelector.Number n) {
      if (n.number() > head && !clampFuture) {
        throw RpcException.headerNotFound();
      }
      return n.number();
    }
    BlockSelector.ByHash h = (BlockSelector.ByHash) selector;
    Block block = read(() -> chain.blockByHash(h.hash())).orElseThrow(RpcException::headerNotFound);
    Optional<Block> canonical = read(() -> chain.blockByNumber(block.number()));
    if (h.requireCanonical() && (canonical.isEmpty() || !canonical.get().hash().equals(h.hash()))) {
      throw RpcException.serverError("hash " + h.hash() + " is not currently canonical");
    }
    return block.number();
  }

  private interface ChainRead<T> {
    T get() throws ChainException;
  }

  private static <T> T read(ChainRead<T> r) {
    try {
      return r.get();
    } catch (ChainException e) {
      throw translate(e);
    }
  }

  private static RpcException translate(ChainException e) {
    return e.reason() == ChainException.Reason.UNKNOWN_BLOCK ? RpcException.headerNotFound()
        : RpcException.serverError(e.getMessage());
  }
}
