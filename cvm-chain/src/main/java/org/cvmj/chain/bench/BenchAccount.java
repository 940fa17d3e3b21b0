package org.cvmj.chain.bench;

import java.math.BigInteger;
import java.util.List;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hex;
import org.cvmj.chain.crypto.Secp256k1;
import org.cvmj.chain.tx.Transaction;

/**
 * The funded account the benchmark sends from. It signs EIP-1559 transactions for the node's chain id and counts
 * its nonce locally (one sender, one transaction in flight at a time), so that signing never waits on the node.
 */
final class BenchAccount {
  private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);

  private final BigInteger key;
  private final Address address;
  private final BigInteger chainId;
  private final BigInteger maxFee;
  private long nonce;

  private BenchAccount(BigInteger key, BigInteger chainId, BigInteger maxFee, long nonce) {
    this.key = key;
    this.address = Secp256k1.address(key);
    this.chainId = chainId;
    this.maxFee = maxFee;
    this.nonce = nonce;
  }

  /**
   * The account of {@code key} on the node behind {@code rpc}: chain id from {@code eth_chainId}, next nonce from
   * {@code eth_getTransactionCount}, fee cap twice the latest base fee plus the tip (room for base fee growth).
   */
  static BenchAccount open(LoopbackRpc rpc, BigInteger key) throws BenchException {
    if (key.signum() <= 0 || key.compareTo(Secp256k1.N) >= 0) {
      throw new BenchException("--key is not a secp256k1 private key (it must be 1 to n-1)");
    }
    Address address = Secp256k1.address(key);
    BigInteger chainId = LoopbackRpc.quantity(rpc.call("eth_chainId"));
    long nonce = LoopbackRpc.quantity(rpc.call("eth_getTransactionCount", address.toString(), "latest"))
        .longValueExact();
    BigInteger baseFee = LoopbackRpc.quantity(rpc.call("eth_getBlockByNumber", "latest", false)
        .get("baseFeePerGas"));
    BigInteger balance = LoopbackRpc.quantity(rpc.call("eth_getBalance", address.toString(), "latest"));
    if (balance.signum() == 0) {
      throw new BenchException("the sender " + address.toChecksumHex() + " has no funds on the node at "
          + rpc.url() + "; pass the key of a funded account with --key");
    }
    return new BenchAccount(key, chainId, baseFee.shiftLeft(1).add(TIP), nonce);
  }

  Address address() {
    return address;
  }

  /** The next transaction of this account, signed and encoded as {@code eth_sendRawTransaction} takes it. */
  Transaction sign(Address to, long gas, BigInteger value, byte[] data) {
    return Transaction.dynamicFee(chainId, nonce++, TIP, maxFee, gas, to, value, data, List.of()).sign(key);
  }

  static String raw(Transaction tx) {
    return Hex.encode(tx.encode());
  }
}
