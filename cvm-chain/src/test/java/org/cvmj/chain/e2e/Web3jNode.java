package org.cvmj.chain.e2e;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.cvmj.chain.chain.DevAccounts;
import org.cvmj.chain.chain.Genesis;
import org.cvmj.chain.node.LocalNode;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * A web3j client of a JSON-RPC endpoint, with the dev accounts' credentials and the helpers the end-to-end tests
 * share; {@link #start} also runs an in-process {@link LocalNode} behind it (127.0.0.1, a free port).
 */
final class Web3jNode implements AutoCloseable {
  static final long CHAIN_ID = Genesis.DEV_CHAIN_ID;
  static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  /** EIP-1559 fees well above the dev chain's base fee (1 gwei at genesis, falling while blocks are light). */
  static final BigInteger MAX_FEE = GWEI.multiply(BigInteger.valueOf(20));
  static final BigInteger TIP = GWEI;
  static final ContractGasProvider GAS = new StaticEIP1559GasProvider(CHAIN_ID, MAX_FEE, TIP,
      BigInteger.valueOf(3_000_000));

  private final LocalNode node; // null for a node in another process
  final Web3j web3j;

  private Web3jNode(LocalNode node, String url) {
    this.node = node;
    this.web3j = Web3j.build(new HttpService(url));
  }

  /** Starts a dev node on {@code dataDir} (an existing chain there is continued) and a client of it. */
  static Web3jNode start(Path dataDir) throws Exception {
    LocalNode node = LocalNode.start(LocalNode.Settings.dev(dataDir).withPort(0));
    return new Web3jNode(node, node.url());
  }

  /** A client of the node at {@code url}, run elsewhere. */
  static Web3jNode connect(String url) {
    return new Web3jNode(null, url);
  }

  LocalNode node() {
    return node;
  }

  static Credentials dev(int index) {
    return Credentials.create(ECKeyPair.create(DevAccounts.privateKey(index)));
  }

  /** Signs locally with the chain id, and polls receipts without web3j's 15 s default wait. */
  TransactionManager manager(Credentials credentials) {
    return new RawTransactionManager(web3j, credentials, CHAIN_ID,
        new PollingTransactionReceiptProcessor(web3j, 20, 250));
  }

  BigInteger nonce(String address) throws IOException {
    return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send().getTransactionCount();
  }

  BigInteger balance(String address) throws IOException {
    return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  /** An EIP-1559 transaction from {@code from} with the default fees. */
  RawTransaction eip1559(Credentials from, BigInteger gas, String to, BigInteger value, String data)
      throws IOException {
    return RawTransaction.createTransaction(CHAIN_ID, nonce(from.getAddress()), gas, to, value, data, TIP, MAX_FEE);
  }

  /** Signs {@code tx} (EIP-155 for legacy transactions) and sends it; the response may carry an error. */
  EthSendTransaction send(RawTransaction tx, Credentials from) throws IOException {
    return web3j.ethSendRawTransaction(Numeric.toHexString(sign(tx, from))).send();
  }

  static byte[] sign(RawTransaction tx, Credentials from) {
    return TransactionEncoder.signMessage(tx, CHAIN_ID, from);
  }

  /** Sends {@code tx}, which must be accepted, and returns its receipt (automine: it exists at once). */
  TransactionReceipt mined(RawTransaction tx, Credentials from) throws IOException {
    EthSendTransaction sent = send(tx, from);
    if (sent.hasError()) {
      throw new AssertionError("the node refused the transaction: " + sent.getError().getCode() + " "
          + sent.getError().getMessage());
    }
    return receipt(sent.getTransactionHash());
  }

  TransactionReceipt receipt(String hash) throws IOException {
    return web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt()
        .orElseThrow(() -> new AssertionError("no receipt for " + hash));
  }

  @Override
  public void close() {
    web3j.shutdown();
    if (node != null) {
      node.close();
    }
  }
}
