package org.cvmj.chain.node;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.tx.Transaction;

/**
 * The dev node's pool of transactions not yet in a block, per sender by nonce. Rules (geth's, simplified for one
 * producer):
 * <ul>
 *   <li>a transaction with a nonce above the sender's next one waits (is queued) until the gap is filled; then
 *       it is executable and goes into the next block with the ones before it;
 *   <li>the node admits a transaction only if the balance covers its {@link #cost} plus that of the sender's
 *       pooled transactions with lower nonces ({@link #costBelow});
 *   <li>a transaction with the nonce of a pooled one replaces it only if both its fee cap and tip cap are at
 *       least {@value #PRICE_BUMP_PERCENT}% higher ({@code replacement transaction underpriced} otherwise);
 *   <li>the same transaction twice is {@code already known}; more than {@value #MAX_TRANSACTIONS} is
 *       {@code txpool is full};
 *   <li>a block takes the executable ones (consecutive nonces from each sender's state nonce), in nonce order per
 *       sender and, across senders, highest effective tip first (ties by sender address), while they fit the gas.
 * </ul>
 * Not thread-safe: the node calls it under its lock.
 */
final class TxPool {
  static final int PRICE_BUMP_PERCENT = 10;
  static final int MAX_TRANSACTIONS = 4096;

  /** A pooled transaction with its hash and recovered sender. */
  record Pooled(Transaction tx, Hash hash, Address sender) {}

  /** Why the pool refused a transaction; the message is geth's. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final TreeMap<Address, TreeMap<Long, Pooled>> bySender = new TreeMap<>();
  private final Map<Hash, Pooled> byHash = new HashMap<>();

  TxPool() {}

  /** A copy, for evm_snapshot. */
  TxPool copy() {
    TxPool c = new TxPool();
    for (Pooled p : byHash.values()) {
      c.put(p);
    }
    return c;
  }

  int size() {
    return byHash.size();
  }

  Optional<Pooled> get(Hash hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  /** Adds {@code p}, replacing a pooled transaction of the same sender and nonce that it outbids. */
  void add(Pooled p) throws Refused {
    if (byHash.containsKey(p.hash())) {
      throw new Refused("already known");
    }
    TreeMap<Long, Pooled> nonces = bySender.get(p.sender());
    Pooled old = nonces == null ? null : nonces.get(p.tx().nonce());
    if (old != null) {
      if (!outbids(p.tx(), old.tx())) {
        throw new Refused("replacement transaction underpriced: a replacement needs a fee cap and tip cap at least "
            + PRICE_BUMP_PERCENT + "% above the pooled transaction's (" + old.tx().gasFeeCap() + " and "
            + old.tx().gasTipCap() + ")");
      }
      remove(old.hash());
    } else if (byHash.size() >= MAX_TRANSACTIONS) {
      throw new Refused("txpool is full");
    }
    put(p);
  }

  private void put(Pooled p) {
    bySender.computeIfAbsent(p.sender(), a -> new TreeMap<>()).put(p.tx().nonce(), p);
    byHash.put(p.hash(), p);
  }

  private static boolean outbids(Transaction fresh, Transaction old) {
    BigInteger hundred = BigInteger.valueOf(100);
    BigInteger bump = BigInteger.valueOf(100 + PRICE_BUMP_PERCENT);
    return fresh.gasFeeCap().multiply(hundred).compareTo(old.gasFeeCap().multiply(bump)) >= 0
        && fresh.gasTipCap().multiply(hundred).compareTo(old.gasTipCap().multiply(bump)) >= 0;
  }

  void remove(Hash hash) {
    Pooled p = byHash.remove(hash);
    if (p == null) {
      return;
    }
    TreeMap<Long, Pooled> nonces = bySender.get(p.sender());
    nonces.remove(p.tx().nonce());
    if (nonces.isEmpty()) {
      bySender.remove(p.sender());
    }
  }

  /** What a transaction may spend at most: gas limit * fee cap + value. */
  static BigInteger cost(Transaction tx) {
    return new BigInteger(Long.toUnsignedString(tx.gasLimit())).multiply(tx.gasFeeCap()).add(tx.value());
  }

  /**
   * The summed {@link #cost} of the sender's pooled transactions with nonces below {@code nonce}: what must stay
   * in the balance for them when a transaction with {@code nonce} joins (geth counts them too).
   */
  BigInteger costBelow(Address sender, long nonce) {
    TreeMap<Long, Pooled> nonces = bySender.get(sender);
    BigInteger sum = BigInteger.ZERO;
    if (nonces != null) {
      for (Pooled p : nonces.headMap(nonce, false).values()) {
        sum = sum.add(cost(p.tx()));
      }
    }
    return sum;
  }

  /** Drops every transaction whose nonce is below its sender's nonce in the state. */
  void dropStale(ToLongFunction<Address> stateNonce) {
    for (Iterator<Map.Entry<Address, TreeMap<Long, Pooled>>> it = bySender.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Address, TreeMap<Long, Pooled>> e = it.next();
      TreeMap<Long, Pooled> nonces = e.getValue();
      long next = stateNonce.applyAsLong(e.getKey());
      for (Pooled p : List.copyOf(nonces.headMap(next, false).values())) {
        nonces.remove(p.tx().nonce());
        byHash.remove(p.hash());
      }
      if (nonces.isEmpty()) {
        it.remove();
      }
    }
  }

  /** The nonce after the sender's consecutive pooled nonces from {@code stateNonce}. */
  long nextNonce(Address sender, long stateNonce) {
    TreeMap<Long, Pooled> nonces = bySender.get(sender);
    long n = stateNonce;
    while (nonces != null && nonces.containsKey(n)) {
      n++;
    }
    return n;
  }

  /** Whether any transaction can go into the next block. */
  boolean hasExecutable(ToLongFunction<Address> stateNonce) {
    for (Map.Entry<Address, TreeMap<Long, Pooled>> e : bySender.entrySet()) {
      if (e.getValue().containsKey(stateNonce.applyAsLong(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  /** The next block's transactions, in order, within {@code gasLimit} (see the class comment). */
  List<Transaction> executable(ToLongFunction<Address> stateNonce, BigInteger baseFee, long gasLimit) {
    record Head(Pooled p, BigInteger tip) {}
    PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
      int c = b.tip().compareTo(a.tip());
      return c != 0 ? c : a.p().sender().compareTo(b.p().sender());
    });
    for (Map.Entry<Address, TreeMap<Long, Pooled>> e : bySender.entrySet()) {
      Pooled first = e.getValue().get(stateNonce.applyAsLong(e.getKey()));
      if (first != null) {
        heads.add(new Head(first, effectiveTip(first.tx(), baseFee)));
      }
    }
    List<Transaction> out = new ArrayList<>();
    long gasLeft = gasLimit;
    while (!heads.isEmpty()) {
      Pooled p = heads.poll().p();
      if (Long.compareUnsigned(p.tx().gasLimit(), gasLeft) > 0) {
        continue; // this sender waits for the next block
      }
      gasLeft -= p.tx().gasLimit();
      out.add(p.tx());
      Pooled next = bySender.get(p.sender()).get(p.tx().nonce() + 1);
      if (next != null) {
        heads.add(new Head(next, effectiveTip(next.tx(), baseFee)));
      }
    }
    return out;
  }

  private static BigInteger effectiveTip(Transaction tx, BigInteger baseFee) {
    return tx.gasTipCap().min(tx.gasFeeCap().subtract(baseFee));
  }
}
