package org.cvmj.chain.rpc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.models.Inference;
import org.cvmj.chain.models.ModelRecord;
import org.cvmj.chain.models.ModelStatus;
import org.cvmj.chain.sol.Abi;
import org.cvmj.chain.tx.CallRequest;

/**
 * An in-memory {@link NodeBackend} with a few fixed blocks ({@link #mine} appends empty ones) and two registered
 * models: {@link #MODEL}, ready (callable from block 1) and authored by Alice, and {@link #UPLOADING}, Bob's, with
 * chunks missing.
 */
final class FakeBackend implements NodeBackend {
  static final Address ALICE = Address.ofLong(0xa11ce);
  static final Address BOB = Address.ofLong(0xb0b);
  static final Address TOKEN = Address.ofLong(0x70c);
  static final Hash TX1 = hashOf(0x7101);
  static final Hash TOPIC = hashOf(0xe7);
  static final Address MODEL = Address.ofLong(0x30de1);
  static final Address UPLOADING = Address.ofLong(0x30de2);

  final List<BlockView> blocks = new ArrayList<>();
  final Map<Hash, TransactionView> pending = new ConcurrentHashMap<>();
  final List<OptionalLong> mined = new ArrayList<>();
  long timeOffset;
  int snapshots;

  FakeBackend() {
    blocks.add(block(0, List.of()));
    blocks.add(block(1, List.of(tx1(hashOf(1001), 1L, 0))));
  }

  static Hash hashOf(long v) {
    byte[] b = new byte[32];
    for (int i = 0; i < 8; i++) {
      b[31 - i] = (byte) (v >>> (8 * i));
    }
    return new Hash(b);
  }

  static TransactionView tx1(Hash blockHash, Long blockNumber, Integer index) {
    return new TransactionView(TX1, 2, 5, blockHash, blockNumber, index, ALICE, TOKEN, BigInteger.TEN, 21000,
        BigInteger.valueOf(1_000_000_007), BigInteger.valueOf(2_000_000_000), BigInteger.valueOf(7),
        new byte[] {(byte) 0xab, (byte) 0xcd}, List.of(), BigInteger.valueOf(1337), BigInteger.ONE,
        BigInteger.valueOf(0x1234), BigInteger.valueOf(0x5678));
  }

  static LogView log1() {
    return new LogView(TOKEN, List.of(TOPIC), new byte[] {1}, 1, TX1, 0, hashOf(1001), 0, false);
  }

  synchronized BlockView block(long n, List<TransactionView> txs) {
    return new BlockView(n, hashOf(1000 + n), n == 0 ? Hash.ZERO : hashOf(999 + n), new byte[8], hashOf(0x5a),
        new byte[256], hashOf(0x70), hashOf(0x57), hashOf(0x7e), BOB, BigInteger.ZERO, new byte[0], 600 + n,
        30_000_000, txs.isEmpty() ? 0 : 21000, 1_700_000_000 + 12 * n, Hash.ZERO, BigInteger.valueOf(1_000_000_000),
        hashOf(0x3d), 0L, 0L, Hash.ZERO, txs, List.of());
  }

  @Override public long chainId() { return 1337; }

  @Override public String clientVersion() { return "cvm-chain/test"; }

  @Override public synchronized long blockNumber() { return blocks.size() - 1; }

  @Override public List<Address> accounts() { return List.of(ALICE, BOB); }

  private void known(BlockSelector b) {
    if (b instanceof BlockSelector.Number n && n.number() > blockNumber()) {
      throw RpcException.headerNotFound();
    }
  }

  @Override public BigInteger balance(Address a, BlockSelector b) {
    known(b);
    return a.equals(ALICE) ? new BigInteger("1000000000000000000") : BigInteger.ZERO;
  }

  @Override public long nonce(Address a, BlockSelector b) {
    known(b);
    return a.equals(ALICE) ? 6 : 0;
  }

  @Override public byte[] code(Address a, BlockSelector b) {
    known(b);
    return a.equals(TOKEN) ? new byte[] {0x60, 0x00} : new byte[0];
  }

  @Override public Hash storageAt(Address a, Hash slot, BlockSelector b) {
    known(b);
    return slot.equals(Hash.ZERO) ? hashOf(42) : Hash.ZERO;
  }

  @Override public byte[] call(CallRequest r, BlockSelector b) {
    known(b);
    if (r.input() != null && r.input().length > 0 && r.input()[0] == (byte) 0xff) {
      // Error("no") as Solidity encodes it
      byte[] d = new byte[4 + 96];
      d[0] = 0x08; d[1] = (byte) 0xc3; d[2] = 0x79; d[3] = (byte) 0xa0;
      d[4 + 31] = 0x20;
      d[4 + 63] = 2;
      d[4 + 64] = 'n'; d[4 + 65] = 'o';
      throw RpcException.reverted(d);
    }
    if (r.input() != null && r.input().length > 0 && r.input()[0] == (byte) 0xee) {
      throw new IllegalStateException("backend exploded");
    }
    return r.input() == null ? new byte[0] : r.input();
  }

  @Override public long estimateGas(CallRequest r, BlockSelector b) {
    return 21000 + (r.input() == null ? 0 : 16L * r.input().length);
  }

  @Override public BigInteger gasPrice() { return BigInteger.valueOf(1_000_000_007); }

  @Override public BigInteger maxPriorityFeePerGas() { return BigInteger.valueOf(7); }

  @Override public FeeHistory feeHistory(int count, BlockSelector newest, double[] percentiles) {
    List<List<BigInteger>> reward = percentiles.length == 0 ? null
        : List.of(List.of(BigInteger.ZERO, BigInteger.valueOf(7)), List.of(BigInteger.ZERO, BigInteger.ZERO));
    return new FeeHistory(0, List.of(BigInteger.valueOf(1_000_000_000), BigInteger.valueOf(875_000_000),
        BigInteger.valueOf(765_625_000)), List.of(0.0, 0.0007), reward);
  }

  @Override public Hash sendRawTransaction(byte[] raw) {
    if (raw.length == 0) {
      throw RpcException.serverError("typed transaction too short");
    }
    return hashOf(0x5e4d);
  }

  @Override public Hash sendTransaction(CallRequest r) {
    if (!accounts().contains(r.from())) {
      throw RpcException.serverError("unknown account");
    }
    return hashOf(0x5e4e);
  }

  @Override public Optional<TransactionView> transaction(Hash h) {
    return h.equals(TX1) ? Optional.of(tx1(hashOf(1001), 1L, 0)) : Optional.ofNullable(pending.get(h));
  }

  @Override public Optional<ReceiptView> receipt(Hash h) {
    if (!h.equals(TX1)) {
      return Optional.empty();
    }
    return Optional.of(new ReceiptView(TX1, 0, hashOf(1001), 1, ALICE, TOKEN, 21000, 21000,
        BigInteger.valueOf(1_000_000_007), null, List.of(log1()), new byte[256], 2, 1));
  }

  @Override public synchronized Optional<BlockView> block(BlockSelector b) {
    if (b instanceof BlockSelector.Number n) {
      return n.number() < blocks.size() ? Optional.of(blocks.get((int) n.number())) : Optional.empty();
    }
    if (b instanceof BlockSelector.ByHash h) {
      return blocks.stream().filter(x -> x.hash().equals(h.hash())).findFirst();
    }
    BlockSelector.Tag tag = ((BlockSelector.Tagged) b).tag();
    return Optional.of(blocks.get(tag == BlockSelector.Tag.EARLIEST ? 0 : blocks.size() - 1));
  }

  @Override public synchronized List<LogView> logs(LogFilter f) {
    long from = number(f.fromBlock());
    long to = number(f.toBlock());
    List<LogView> out = new ArrayList<>();
    for (LogView l : allLogs()) {
      if (l.blockNumber() >= from && l.blockNumber() <= to && f.matches(l)) {
        out.add(l);
      }
    }
    return out;
  }

  private List<LogView> allLogs() {
    List<LogView> all = new ArrayList<>(List.of(log1()));
    for (int i = 2; i < blocks.size(); i++) {
      all.add(new LogView(TOKEN, List.of(TOPIC), new byte[] {(byte) i}, i, hashOf(0x7100 + i), 0,
          blocks.get(i).hash(), 0, false));
    }
    return all;
  }

  private long number(BlockSelector b) {
    if (b instanceof BlockSelector.Number n) {
      return n.number();
    }
    return ((BlockSelector.Tagged) b).tag() == BlockSelector.Tag.EARLIEST ? 0 : blockNumber();
  }

  @Override public synchronized void mine(OptionalLong timestamp) {
    mined.add(timestamp);
    blocks.add(block(blocks.size(), List.of()));
  }

  @Override public synchronized long snapshot() { return ++snapshots; }

  @Override public synchronized boolean revert(long id) { return id >= 1 && id <= snapshots; }

  @Override public synchronized long increaseTime(long seconds) { return timeOffset += seconds; }

  static ModelRecord readyModel() {
    return new ModelRecord(MODEL, 1, ALICE, hashOf(0x51), 16_720, hashOf(0x9a), 65_265, 10_000,
        List.of(1L, 1L, 28L, 28L), "digits", ModelStatus.READY, 0, 1, 34_335_395, 2, Word.of(20_000), 2,
        new ModelRecord.ModelIo(1, 784, 1, 10), "");
  }

  /** 3 symbol chunks and 2 params chunks; symbol chunk 1 and params chunk 0 received. */
  static ModelRecord uploadingModel() {
    return new ModelRecord(UPLOADING, 2, BOB, hashOf(0x52), 3 * 65_536, hashOf(0x9b), 65_537, 0, List.of(2L, 3L),
        "", ModelStatus.UPLOADING, 1, 0, 0, 0, Word.ZERO, 2, null, "");
  }

  private List<ModelRecord> registry() {
    return List.of(readyModel(), uploadingModel());
  }

  @Override public Optional<ModelView> model(Address a, BlockSelector b) {
    known(b);
    return registry().stream().filter(m -> m.address().equals(a)).findFirst().map(m -> new ModelView(m, number(b)));
  }

  @Override public ModelPage models(long offset, int limit, BlockSelector b) {
    known(b);
    List<ModelRecord> all = registry();
    int from = (int) Math.min(offset, all.size());
    return new ModelPage(number(b), all.size(), offset, all.subList(from, Math.min(all.size(), from + limit)));
  }

  @Override public Optional<UploadProgress> uploadProgress(Address a, BlockSelector b) {
    known(b);
    if (a.equals(MODEL)) {
      return Optional.of(new UploadProgress(readyModel(), List.of(), List.of()));
    }
    return a.equals(UPLOADING) ? Optional.of(new UploadProgress(uploadingModel(), List.of(0, 2), List.of(1)))
        : Optional.empty();
  }

  @Override public AuthorRewards rewards(Address author, BlockSelector b) {
    known(b);
    return author.equals(ALICE) ? new AuthorRewards(ALICE, BigInteger.valueOf(20_000), List.of(readyModel()))
        : new AuthorRewards(author, BigInteger.ZERO, List.of());
  }

  /** The model's output is its input's first 10 bytes; anything but 784 bytes for {@link #MODEL} reverts. */
  @Override public Inference infer(Address model, byte[] input, BlockSelector b) {
    known(b);
    if (!model.equals(MODEL)) {
      throw RpcException.reverted(error("infer: no model is registered at " + model));
    }
    if (input.length != 784) {
      throw RpcException.reverted(error("infer: model " + model + " takes 784 input bytes ([1, 1, 28, 28], int8), got "
          + input.length));
    }
    return new Inference(java.util.Arrays.copyOf(input, 10), 890_766);
  }

  static byte[] error(String reason) {
    byte[] body = Abi.encode(List.of("string"), reason);
    byte[] out = java.util.Arrays.copyOf(Abi.ERROR_SELECTOR, 4 + body.length);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }
}
