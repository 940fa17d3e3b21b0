package org.cvmj.uploader.bench;

import java.math.BigInteger;
import org.cvmj.uploader.NodeException;
import org.cvmj.uploader.chain.Rpc;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 transactions of one account with a locally counted nonce and a fee cap read once, so that a
 * round's transactions can all be signed before its clock starts and sent without asking the node anything.
 */
final class PreSigner {
  private final Credentials credentials;
  private final long chainId;
  private final BigInteger tip;
  private final BigInteger maxFee;
  private BigInteger nonce;

  private PreSigner(Credentials credentials, long chainId, BigInteger tip, BigInteger maxFee, BigInteger nonce) {
    this.credentials = credentials;
    this.chainId = chainId;
    this.tip = tip;
    this.maxFee = maxFee;
    this.nonce = nonce;
  }

  /** Fee cap twice the latest base fee plus the node's tip: the base fee falls while blocks stay half empty. */
  static PreSigner open(Rpc rpc, Credentials credentials) throws NodeException {
    BigInteger tip = rpc.priorityFee();
    return new PreSigner(credentials, rpc.chainId(), tip, rpc.baseFee().shiftLeft(1).add(tip),
        rpc.pendingNonce(credentials.getAddress()));
  }

  String address() {
    return credentials.getAddress();
  }

  /** The next transaction, signed and hex-encoded for {@code eth_sendRawTransaction}; {@code to} null deploys. */
  Signed sign(String to, String data, long gas) {
    RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, BigInteger.valueOf(gas), to, BigInteger.ZERO,
        data, tip, maxFee);
    nonce = nonce.add(BigInteger.ONE);
    byte[] raw = TransactionEncoder.signMessage(tx, chainId, credentials);
    return new Signed(Numeric.toHexString(raw), Numeric.toHexString(Hash.sha3(raw)));
  }

  /**
   * A signed transaction.
   *
   * @param raw its encoding, as {@code eth_sendRawTransaction} takes it
   * @param hash its transaction hash
   */
  record Signed(String raw, String hash) {}
}
