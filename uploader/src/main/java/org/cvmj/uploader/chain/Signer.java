package org.cvmj.uploader.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.cvmj.uploader.InvalidInputException;
import org.cvmj.uploader.NodeException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 transactions locally and sends them with consecutive nonces, without waiting between them, so that
 * several can be in flight; {@link #await} then collects their receipts. Each transaction's fee cap is twice the
 * latest base fee plus the node's suggested tip (read once), so that it stays includable while the base fee at most
 * doubles, and follows the base fee up when an upload fills blocks for a while. Not thread-safe: one upload at a
 * time.
 */
public final class Signer {
  private final Rpc rpc;
  private final Credentials credentials;
  private final long chainId;
  private final BigInteger tip;
  private final Duration poll;
  private final Duration timeout;
  private BigInteger nonce;

  private Signer(Rpc rpc, Credentials credentials, long chainId, BigInteger tip, BigInteger nonce, Duration poll,
      Duration timeout) {
    this.rpc = rpc;
    this.credentials = credentials;
    this.chainId = chainId;
    this.tip = tip;
    this.nonce = nonce;
    this.poll = poll;
    this.timeout = timeout;
  }

  /** Reads the chain id, the suggested tip and the next nonce (pending transactions included) from the node. */
  public static Signer open(Rpc rpc, Credentials credentials, Duration poll, Duration timeout) throws NodeException {
    long chainId = rpc.chainId();
    BigInteger tip = rpc.priorityFee();
    BigInteger nonce = rpc.pendingNonce(credentials.getAddress());
    return new Signer(rpc, credentials, chainId, tip, nonce, poll, timeout);
  }

  public String address() {
    return credentials.getAddress();
  }

  /**
   * The gas {@code data} needs, from {@code eth_estimateGas}. A revert means the registry refuses the arguments: an
   * {@link InvalidInputException} with its reason, before anything is paid.
   */
  public long estimate(String to, String data, String what) throws NodeException, InvalidInputException {
    EthEstimateGas e;
    try {
      e = rpc.web3j().ethEstimateGas(Transaction.createFunctionCallTransaction(address(), null, null, null, to,
          data)).send();
    } catch (java.io.IOException | org.web3j.protocol.exceptions.ClientConnectionException ex) {
      throw rpc.unreachable(ex);
    }
    if (e.hasError()) {
      throw new InvalidInputException(what + " is refused by the chain: "
          + Registry.revertReason(e.getError().getMessage()));
    }
    return e.getAmountUsed().longValueExact();
  }

  /** Signs and sends a call of {@code to} with the next nonce; returns the transaction hash. */
  public String send(String to, String data, long gas, String what) throws NodeException {
    BigInteger maxFee = rpc.baseFee().shiftLeft(1).add(tip);
    RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, BigInteger.valueOf(gas), to,
        BigInteger.ZERO, data, tip, maxFee);
    String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, credentials));
    String hash = rpc.send(rpc.web3j().ethSendRawTransaction(signed), "eth_sendRawTransaction (" + what + ")")
        .getTransactionHash();
    nonce = nonce.add(BigInteger.ONE);
    return hash;
  }

  /**
   * Waits for the receipt of {@code hash}. A failed transaction is an {@link InvalidInputException} with the
   * registry's reason (replayed with {@code eth_call}, since receipts carry none).
   */
  public TransactionReceipt await(String hash, String to, String data, String what)
      throws NodeException, InvalidInputException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> r = rpc.send(rpc.web3j().ethGetTransactionReceipt(hash),
          "eth_getTransactionReceipt").getTransactionReceipt();
      if (r.isPresent()) {
        if (!r.get().isStatusOK()) {
          throw new InvalidInputException(what + " failed in transaction " + hash + ": " + replay(to, data));
        }
        return r.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new NodeException("transaction " + hash + " (" + what + ") was not mined within " + timeout.toSeconds()
            + " s by the node at " + rpc.url() + "; run the same command again to resume");
      }
      Rpc.pause(poll);
    }
  }

  private String replay(String to, String data) throws NodeException {
    EthCall call;
    try {
      call = rpc.web3j().ethCall(Transaction.createEthCallTransaction(address(), to, data),
          DefaultBlockParameterName.LATEST).send();
    } catch (java.io.IOException | org.web3j.protocol.exceptions.ClientConnectionException e) {
      throw rpc.unreachable(e);
    }
    if (call.isReverted() || call.hasError()) {
      return Registry.revertReason(call.getRevertReason());
    }
    return "it reverted (out of gas, or a state that has changed since)";
  }
}
