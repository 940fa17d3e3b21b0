package org.cvmj.chain.chain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cvmj.chain.block.BlockHeader;
import org.cvmj.chain.block.GasLimit;
import org.cvmj.chain.block.LogsBloom;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.models.ModelRules;
import org.cvmj.chain.state.TrieWorldState;
import org.cvmj.chain.trie.NodeStore;

/**
 * What block 0 of a chain holds: the chain id, the block gas limit every block keeps, the base fee of block 0,
 * its timestamp, and the accounts funded from the start (sorted by address, so the genesis is one value); and the
 * chain's model rules (maturity), which are configuration, not part of block 0's hash.
 */
public record Genesis(long chainId, long gasLimit, BigInteger baseFee, long timestamp, Map<Address, BigInteger> alloc,
    ModelRules models) {
  /** The dev chain's id (Hardhat's and Ganache's local chain id, which wallets know as a development chain). */
  public static final long DEV_CHAIN_ID = 1337;
  public static final long DEV_GAS_LIMIT = 30_000_000;
  /** One million ether per dev account. */
  public static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(24);
  public static final int DEV_ACCOUNTS = 10;

  public Genesis {
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(models, "models");
    if (chainId <= 0) {
      throw new IllegalArgumentException("the chain id must be positive, got " + chainId);
    }
    if (gasLimit < GasLimit.MIN) {
      throw new IllegalArgumentException("the gas limit must be at least " + GasLimit.MIN + ", got " + gasLimit);
    }
    if (baseFee.signum() < 0 || timestamp < 0) {
      throw new IllegalArgumentException("base fee and timestamp are non-negative");
    }
    TreeMap<Address, BigInteger> sorted = new TreeMap<>();
    alloc.forEach((a, v) -> {
      if (v.signum() < 0 || v.bitLength() > 256) {
        throw new IllegalArgumentException("the balance of " + a + " must be a 256-bit unsigned value, got " + v);
      }
      sorted.put(a, v);
    });
    alloc = Collections.unmodifiableMap(sorted);
  }

  /** A chain with the dev model rules ({@link ModelRules#dev()}). */
  public Genesis(long chainId, long gasLimit, BigInteger baseFee, long timestamp, Map<Address, BigInteger> alloc) {
    this(chainId, gasLimit, baseFee, timestamp, alloc, ModelRules.dev());
  }

  /** This genesis with other model rules. */
  public Genesis withModels(ModelRules rules) {
    return new Genesis(chainId, gasLimit, baseFee, timestamp, alloc, rules);
  }

  /**
   * The dev chain: chain id 1337, 30M gas, base fee 1 gwei, timestamp 0, and {@value #DEV_ACCOUNTS}
   * {@link DevAccounts} with one million ether each.
   */
  public static Genesis dev() {
    return dev(DEV_CHAIN_ID, DEV_ACCOUNTS);
  }

  /** A dev chain with {@code accounts} funded dev accounts. */
  public static Genesis dev(long chainId, int accounts) {
    Map<Address, BigInteger> alloc = new TreeMap<>();
    for (int i = 0; i < accounts; i++) {
      alloc.put(DevAccounts.address(i), DEV_BALANCE);
    }
    return new Genesis(chainId, DEV_GAS_LIMIT, BigInteger.valueOf(1_000_000_000L), 0, alloc);
  }

  /** Writes the genesis state into {@code store} and returns its root. */
  public Hash writeState(NodeStore store) {
    TrieWorldState state = new TrieWorldState(store);
    alloc.forEach((a, v) -> state.setBalance(a, Word.fromBigInteger(v)));
    state.finishTransaction();
    return state.commit();
  }

  /** The header of block 0 over the state root {@code stateRoot}. */
  public BlockHeader header(Hash stateRoot) {
    return BlockHeader.cancun(Hash.ZERO, Address.ZERO, stateRoot, BlockHeader.EMPTY_ROOT, BlockHeader.EMPTY_ROOT,
        LogsBloom.EMPTY, 0, gasLimit, 0, timestamp, new byte[0], Hash.ZERO, baseFee, 0, 0, Hash.ZERO);
  }
}
