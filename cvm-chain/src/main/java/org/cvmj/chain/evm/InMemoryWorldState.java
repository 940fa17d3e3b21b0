package org.cvmj.chain.evm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;

/**
 * A journaled world state held in maps. Each mutation records its own undo step; a snapshot is the journal
 * length and reverting replays the undo steps back to it. Used by tests and as the EVM-side cache in front of a
 * trie-backed state.
 */
public final class InMemoryWorldState implements WorldState {
  private static final class Account {
    Word balance = Word.ZERO;
    long nonce;
    byte[] code = new byte[0];
    Word codeHash = Word.fromBytes(Keccak256.EMPTY.bytes());
    Map<Word, Word> storage = new HashMap<>();
    Map<Word, Word> original = new HashMap<>();
  }

  private record SlotKey(Address address, Word slot) {}

  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<SlotKey, Word> transientStorage = new HashMap<>();
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> selfDestructed = new HashSet<>();
  private final Set<Address> touched = new HashSet<>();
  private final List<Log> logs = new ArrayList<>();
  private long refund;
  private final List<Runnable> journal = new ArrayList<>();

  private Account get(Address a) {
    return accounts.get(a);
  }

  /** The account, created empty (and journaled) when missing. */
  private Account getOrCreate(Address a) {
    Account acc = accounts.get(a);
    if (acc == null) {
      acc = new Account();
      accounts.put(a, acc);
      journal.add(() -> accounts.remove(a));
    }
    return acc;
  }

  @Override
  public boolean exists(Address a) {
    return accounts.containsKey(a);
  }

  @Override
  public boolean isEmpty(Address a) {
    Account acc = get(a);
    return acc == null || (acc.nonce == 0 && acc.balance.isZero() && acc.code.length == 0);
  }

  @Override
  public Word balance(Address a) {
    Account acc = get(a);
    return acc == null ? Word.ZERO : acc.balance;
  }

  @Override
  public void setBalance(Address a, Word balance) {
    Account acc = getOrCreate(a);
    Word old = acc.balance;
    acc.balance = balance;
    journal.add(() -> acc.balance = old);
    touch(a);
  }

  @Override
  public long nonce(Address a) {
    Account acc = get(a);
    return acc == null ? 0 : acc.nonce;
  }

  @Override
  public void setNonce(Address a, long nonce) {
    Account acc = getOrCreate(a);
    long old = acc.nonce;
    acc.nonce = nonce;
    journal.add(() -> acc.nonce = old);
    touch(a);
  }

  @Override
  public byte[] code(Address a) {
    Account acc = get(a);
    return acc == null ? new byte[0] : acc.code;
  }

  @Override
  public Word codeHash(Address a) {
    Account acc = get(a);
    return acc == null ? Word.ZERO : acc.codeHash;
  }

  @Override
  public void setCode(Address a, byte[] code) {
    Account acc = getOrCreate(a);
    byte[] oldCode = acc.code;
    Word oldHash = acc.codeHash;
    acc.code = code.clone();
    acc.codeHash = Word.fromBytes(Keccak256.digest(code));
    journal.add(() -> {
      acc.code = oldCode;
      acc.codeHash = oldHash;
    });
    touch(a);
  }

  @Override
  public boolean hasCollision(Address a) {
    Account acc = get(a);
    return acc != null && (acc.nonce != 0 || acc.code.length != 0
        || acc.storage.values().stream().anyMatch(v -> !v.isZero()));
  }

  @Override
  public void createAccount(Address a) {
    Account previous = accounts.get(a);
    Account fresh = new Account();
    if (previous != null) fresh.balance = previous.balance;
    accounts.put(a, fresh);
    journal.add(() -> {
      if (previous == null) {
        accounts.remove(a);
      } else {
        accounts.put(a, previous);
      }
    });
    if (created.add(a)) journal.add(() -> created.remove(a));
  }

  @Override
  public boolean createdInThisTransaction(Address a) {
    return created.contains(a);
  }

  @Override
  public void markSelfDestructed(Address a) {
    if (selfDestructed.add(a)) journal.add(() -> selfDestructed.remove(a));
  }

  @Override
  public void touch(Address a) {
    if (touched.add(a)) journal.add(() -> touched.remove(a));
  }

  @Override
  public Word storage(Address a, Word key) {
    Account acc = get(a);
    return acc == null ? Word.ZERO : acc.storage.getOrDefault(key, Word.ZERO);
  }

  @Override
  public Word originalStorage(Address a, Word key) {
    Account acc = get(a);
    return acc == null ? Word.ZERO : acc.original.getOrDefault(key, Word.ZERO);
  }

  @Override
  public void setStorage(Address a, Word key, Word value) {
    Account acc = getOrCreate(a);
    Word old = acc.storage.get(key);
    putOrRemove(acc.storage, key, value);
    journal.add(() -> putOrRemove(acc.storage, key, old));
  }

  private static <K> void putOrRemove(Map<K, Word> m, K key, Word value) {
    if (value == null || value.isZero()) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
  }

  @Override
  public Word transientStorage(Address a, Word key) {
    return transientStorage.getOrDefault(new SlotKey(a, key), Word.ZERO);
  }

  @Override
  public void setTransientStorage(Address a, Word key, Word value) {
    SlotKey k = new SlotKey(a, key);
    Word old = transientStorage.get(k);
    putOrRemove(transientStorage, k, value);
    journal.add(() -> putOrRemove(transientStorage, k, old));
  }

  @Override
  public boolean isWarm(Address a) {
    return warmAddresses.contains(a);
  }

  @Override
  public boolean warm(Address a) {
    if (!warmAddresses.add(a)) return false;
    journal.add(() -> warmAddresses.remove(a));
    return true;
  }

  @Override
  public boolean isWarm(Address a, Word slot) {
    return warmSlots.contains(new SlotKey(a, slot));
  }

  @Override
  public boolean warm(Address a, Word slot) {
    SlotKey k = new SlotKey(a, slot);
    if (!warmSlots.add(k)) return false;
    journal.add(() -> warmSlots.remove(k));
    return true;
  }

  @Override
  public void addRefund(long gas) {
    refund += gas;
    journal.add(() -> refund -= gas);
  }

  @Override
  public void subRefund(long gas) {
    if (gas > refund) {
      throw new IllegalStateException("refund counter below zero (" + refund + " - " + gas + "): SSTORE bug");
    }
    refund -= gas;
    journal.add(() -> refund += gas);
  }

  @Override
  public long refund() {
    return refund;
  }

  @Override
  public void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  @Override
  public List<Log> logs() {
    return Collections.unmodifiableList(logs);
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertTo(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      journal.remove(i).run();
    }
  }

  @Override
  public void finishTransaction() {
    for (Address a : selfDestructed) {
      accounts.remove(a);
    }
    for (Address a : touched) {
      if (accounts.containsKey(a) && isEmpty(a)) accounts.remove(a);
    }
    for (Account acc : accounts.values()) {
      acc.original = new HashMap<>(acc.storage);
    }
    transientStorage.clear();
    warmAddresses.clear();
    warmSlots.clear();
    created.clear();
    selfDestructed.clear();
    touched.clear();
    logs.clear();
    refund = 0;
    journal.clear();
  }

  /** Sets up an account outside any transaction (genesis, test pre-state): committed, not journaled. */
  public InMemoryWorldState withAccount(Address a, Word balance, long nonce, byte[] code, Map<Word, Word> storage) {
    Account acc = new Account();
    acc.balance = balance;
    acc.nonce = nonce;
    acc.code = code.clone();
    acc.codeHash = Word.fromBytes(Keccak256.digest(code));
    storage.forEach((k, v) -> putOrRemove(acc.storage, k, v));
    acc.original = new HashMap<>(acc.storage);
    accounts.put(a, acc);
    return this;
  }

  /** A deterministic view of all storage of one account, sorted by slot (for tests and state dumps). */
  public Map<Word, Word> storageOf(Address a) {
    Account acc = get(a);
    return acc == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(acc.storage));
  }

  /** All addresses that exist, sorted (for tests and state dumps). */
  public List<Address> addresses() {
    List<Address> list = new ArrayList<>(accounts.keySet());
    list.sort(null);
    return list;
  }
}
