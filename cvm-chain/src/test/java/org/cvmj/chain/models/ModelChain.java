package org.cvmj.chain.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvmj.chain.chain.Chain;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.chain.IncludedTransaction;
import org.cvmj.chain.chain.ProducedBlock;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.db.ChainDatabase;
import org.cvmj.chain.evm.Log;
import org.cvmj.chain.evm.TransactionResult;
import org.cvmj.chain.sol.Abi;
import org.cvmj.chain.tx.CallRequest;
import org.cvmj.chain.tx.Transaction;

/**
 * A dev chain on RocksDB in a test directory, with helpers to sign transactions from the dev accounts, produce one
 * block per call, and encode the registry's calls.
 */
public final class ModelChain implements AutoCloseable {
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger TIP = GWEI.multiply(BigInteger.TWO);
  static final BigInteger MAX_FEE = GWEI.multiply(BigInteger.valueOf(50));
  static final BigInteger CHAIN_ID = BigInteger.valueOf(Genesis.DEV_CHAIN_ID);

  final ChainDatabase db;
  final Chain chain;
  private long timestamp;

  ModelChain(Path dir) throws Exception {
    db = ChainDatabase.open(dir, CHAIN_ID);
    chain = Chain.open(db, Genesis.dev());
    timestamp = chain.head().timestamp() + 1;
  }

  static Address account(int i) {
    return DevAccounts.address(i);
  }

  /** A signed EIP-1559 transaction from dev account {@code from} at its next nonce. */
  Transaction tx(int from, Address to, long gas, byte[] data) throws Exception {
    long nonce = chain.nonce(account(from), chain.head().number());
    return Transaction.dynamicFee(CHAIN_ID, nonce, TIP, MAX_FEE, gas, to, BigInteger.ZERO, data, List.of())
        .sign(DevAccounts.privateKey(from));
  }

  /** Produces a block with {@code txs}; every one must be included. */
  ProducedBlock block(Transaction... txs) throws Exception {
    ProducedBlock b = chain.produceBlock(List.of(txs), timestamp++);
    assertEquals(List.of(), b.rejected(), "rejected transactions");
    return b;
  }

  /** One transaction in its own block; returns its inclusion. */
  IncludedTransaction send(int from, Address to, long gas, byte[] data) throws Exception {
    return block(tx(from, to, gas, data)).included().get(0);
  }

  TransactionResult call(int from, Address to, byte[] data) throws Exception {
    return chain.call(new CallRequest(account(from), to, null, null, null, null, null, data, null, null, null),
        chain.head().number());
  }

  void mine(int blocks) throws Exception {
    for (int i = 0; i < blocks; i++) {
      block();
    }
  }

  static byte[] register(byte[] symbol, byte[] params, List<Long> shape, long fee, String description) {
    return register(Keccak256.hash(symbol), symbol.length, Keccak256.hash(params), params.length, shape, fee,
        description);
  }

  /** register(...) call data; the uint32[] is encoded here because Abi knows no arrays. */
  public static byte[] register(Hash symbolHash, long symbolSize, Hash paramsHash, long paramsSize, List<Long> shape,
      long fee, String description) {
    byte[] desc = description.getBytes(StandardCharsets.UTF_8);
    long shapeOffset = 7 * 32;
    long descOffset = shapeOffset + 32L * (1 + shape.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(CallData.selector(RegisterFunction.SIGNATURE));
    out.writeBytes(Abi.encode(List.of("bytes32", "uint64", "bytes32", "uint64", "uint256", "uint64", "uint256"),
        symbolHash.bytes(), symbolSize, paramsHash.bytes(), paramsSize, shapeOffset, fee, descOffset));
    out.writeBytes(Abi.encode(List.of("uint256"), shape.size()));
    for (long d : shape) {
      out.writeBytes(Abi.encode(List.of("uint256"), d));
    }
    out.writeBytes(Abi.encode(List.of("uint256"), desc.length));
    out.writeBytes(Arrays.copyOf(desc, (desc.length + 31) / 32 * 32));
    return out.toByteArray();
  }

  public static byte[] uploadChunk(Address model, ModelFile file, int index, byte[] data) {
    return Abi.encodeCall(UploadChunkFunction.SIGNATURE, model, file.id(), index, data);
  }

  static byte[] chunk(byte[] file, int index) {
    int from = index * ModelLimits.CHUNK_SIZE;
    return Arrays.copyOfRange(file, from, Math.min(file.length, from + ModelLimits.CHUNK_SIZE));
  }

  /** Every (file, index) chunk of a model. */
  static List<int[]> chunks(byte[] symbol, byte[] params) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < ModelLimits.chunks(symbol.length); i++) {
      out.add(new int[] {0, i});
    }
    for (int i = 0; i < ModelLimits.chunks(params.length); i++) {
      out.add(new int[] {1, i});
    }
    return out;
  }

  /** Registers a model from dev account {@code author} and returns its address. */
  Address registerModel(int author, byte[] symbol, byte[] params, List<Long> shape, long fee) throws Exception {
    IncludedTransaction t = send(author, SystemAddresses.REGISTRY, 2_000_000,
        register(symbol, params, shape, fee, "test model"));
    assertEquals(true, t.isSuccess(), () -> "register failed: " + revertReason(t.result()));
    return (Address) Abi.decode(List.of("address"), t.result().returnData()).get(0);
  }

  /** Uploads every chunk in order, one per block. */
  void upload(int author, Address model, byte[] symbol, byte[] params) throws Exception {
    for (int[] c : chunks(symbol, params)) {
      byte[] file = c[0] == 0 ? symbol : params;
      IncludedTransaction t = send(author, SystemAddresses.REGISTRY, 5_000_000,
          uploadChunk(model, ModelFile.ofId(c[0]), c[1], chunk(file, c[1])));
      assertEquals(true, t.isSuccess(), () -> "upload failed: " + revertReason(t.result()));
    }
  }

  static final byte[] MNIST_SYMBOL = resource("mnist/symbol");
  static final byte[] MNIST_PARAMS = resource("mnist/params");
  static final List<Long> MNIST_SHAPE = List.of(1L, 1L, 28L, 28L);

  /** The digit of mnist/data.npy: 784 int8 pixels after the 128-byte npy header. */
  static byte[] mnistDigit() {
    byte[] npy = resource("mnist/data.npy");
    return Arrays.copyOfRange(npy, npy.length - 784, npy.length);
  }

  /** Registers and uploads the MNIST zoo model from dev account {@code author} and mines until it is mature. */
  Address readyMnist(int author, long fee) throws Exception {
    Address model = registerModel(author, MNIST_SYMBOL, MNIST_PARAMS, MNIST_SHAPE, fee);
    upload(author, model, MNIST_SYMBOL, MNIST_PARAMS);
    mine((int) ModelRules.DEV_MATURITY);
    return model;
  }

  static byte[] inferCall(Address model, byte[] input) {
    return Abi.encodeCall(InferPrecompile.SIGNATURE, model, input);
  }

  static String revertReason(TransactionResult r) {
    return Abi.revertReason(r.returnData() == null ? new byte[0] : r.returnData()).orElse("(no reason)");
  }

  static List<Log> logs(TransactionResult r, String eventSignature) {
    Hash topic = Abi.eventTopic(eventSignature);
    return r.logs().stream().filter(l -> l.topics().get(0).equals(org.cvmj.chain.evm.Word.fromBytes(topic.bytes())))
        .toList();
  }

  public static byte[] resource(String name) {
    try (InputStream in = ModelChain.class.getResourceAsStream("/org/cvmj/chain/models/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
