package org.cvmj.tests;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A user's JSON-RPC client of the node (web3j over HTTP): chain reads, the {@code cvm_*} and {@code evm_mine}
 * methods web3j has no typed call for, and transactions signed locally by the dev chain's public accounts.
 */
final class Client implements AutoCloseable {
  /** Chain id of {@code cvm-chain node --dev}. */
  static final long CHAIN_ID = 1337;
  /** A hang guard for one receipt; blocks come every few seconds at most. */
  private static final long RECEIPT_LIMIT_MILLIS = 120_000;

  private final HttpService service;
  private final Web3j web3j;

  Client(String url) {
    this.service = new HttpService(url);
    this.web3j = Web3j.build(service);
  }

  Web3j web3j() {
    return web3j;
  }

  /** A JSON-RPC answer whose result is plain JSON: maps, lists, strings, or null. */
  static final class Json extends Response<Object> {}

  /** Sends {@code method(params)}; the answer may carry an error, which the caller inspects. */
  Json request(String method, Object... params) throws IOException {
    return new Request<>(method, List.of(params), service, Json.class).send();
  }

  /** The result of {@code method(params)}; an error answer fails the test. */
  Object result(String method, Object... params) throws IOException {
    Json r = request(method, params);
    if (r.hasError()) {
      throw new AssertionError(method + " failed: " + r.getError().getCode() + " " + r.getError().getMessage());
    }
    return r.getResult();
  }

  /** A {@code cvm_*} method whose result is a JSON object (or null, for no such model). */
  @SuppressWarnings("unchecked")
  Map<String, Object> object(String method, Object... params) throws IOException {
    return (Map<String, Object>) result(method, params);
  }

  /** One empty block ({@code evm_mine}). */
  void mine() throws IOException {
    result("evm_mine");
  }

  long blockNumber() throws IOException {
    return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  /** Mines empty blocks until the head is at least {@code number}. */
  void mineTo(long number) throws IOException {
    while (blockNumber() < number) {
      mine();
    }
  }

  BigInteger balance(String address, long block) throws IOException {
    return web3j.ethGetBalance(address, DefaultBlockParameter.valueOf(BigInteger.valueOf(block))).send()
        .getBalance();
  }

  BigInteger nonce(String address, DefaultBlockParameterName tag) throws IOException {
    return web3j.ethGetTransactionCount(address, tag).send().getTransactionCount();
  }

  /** {@code eth_call} from {@code from} at the latest block. */
  EthCall call(String from, String to, String data) throws IOException {
    return web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), DefaultBlockParameterName.LATEST)
        .send();
  }

  /** The gas {@code eth_estimateGas} gives; fails the test if the node refuses. */
  BigInteger estimate(String from, String to, String data) throws IOException {
    var e = web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(from, null, null, null, to, data)).send();
    if (e.hasError()) {
      throw new AssertionError("eth_estimateGas refused: " + e.getError().getMessage());
    }
    return e.getAmountUsed();
  }

  /**
   * Signs an EIP-1559 transaction from {@code sender} ({@code to} null: a contract creation), sends it and waits for
   * its receipt, whatever its status.
   */
  TransactionReceipt send(Credentials sender, String to, String data, BigInteger gas) throws IOException,
      InterruptedException {
    BigInteger tip = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
    BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getBaseFeePerGas();
    BigInteger nonce = nonce(sender.getAddress(), DefaultBlockParameterName.PENDING);
    RawTransaction tx = RawTransaction.createTransaction(CHAIN_ID, nonce, gas, to == null ? "" : to,
        BigInteger.ZERO, data, tip, baseFee.shiftLeft(1).add(tip));
    String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, CHAIN_ID, sender));
    EthSendTransaction sent = web3j.ethSendRawTransaction(signed).send();
    if (sent.hasError()) {
      throw new AssertionError("eth_sendRawTransaction refused: " + sent.getError().getMessage());
    }
    return receipt(sent.getTransactionHash());
  }

  /** Waits for the receipt of {@code hash}. */
  TransactionReceipt receipt(String hash) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RECEIPT_LIMIT_MILLIS * 1_000_000;
    while (true) {
      Optional<TransactionReceipt> r = web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (r.isPresent()) {
        return r.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("transaction " + hash + " was not mined in " + RECEIPT_LIMIT_MILLIS + " ms");
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
