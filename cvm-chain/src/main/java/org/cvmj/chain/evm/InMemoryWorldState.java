package org.cvmj.chain.evm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;

/**
 * A journaled world state held in maps: accounts and their storage live in memory and are never committed
 * anywhere. The journal and everything transaction-scoped are {@link JournaledState}'s; this class keeps only the
 * accounts, their code and storage (zero slots are removed, so the map holds exactly the non-zero slots) and the
 * EIP-2200 original values. Used by tests and as the reference the trie-backed state is tested against.
 */
public final class InMemoryWorldState extends JournaledState<InMemoryWorldState.Account> {
  static final class Account extends JournaledState.AccountFields {
    byte[] code = new byte[0];
    Map<Word, Word> storage = new HashMap<>();
    Map<Word, Word> original = new HashMap<>();
  }

  private final Map<Address, Account> accounts = new HashMap<>();

  @Override
  protected Account account(Address a) {
    return accounts.get(a);
  }

  @Override
  protected Account heldAccount(Address a) {
    return accounts.get(a);
  }

  @Override
  protected Account accountForWrite(Address a) {
    Account acc = accounts.get(a);
    if (acc == null) {
      acc = new Account();
      accounts.put(a, acc);
      journal(() -> accounts.remove(a));
    }
    return acc;
  }

  @Override
  protected void deleteAccount(Address a) {
    accounts.remove(a);
  }

  @Override
  protected void storageBecomesOriginal() {
    for (Account acc : accounts.values()) {
      acc.original = new HashMap<>(acc.storage);
    }
  }

  @Override
  public byte[] code(Address a) {
    Account acc = accounts.get(a);
    return acc == null ? new byte[0] : acc.code;
  }

  @Override
  public void setCode(Address a, byte[] code) {
    Account acc = accountForWrite(a);
    byte[] oldCode = acc.code;
    Word oldHash = acc.codeHash;
    acc.code = code.clone();
    acc.codeHash = Word.fromBytes(Keccak256.digest(code));
    journal(() -> {
      acc.code = oldCode;
      acc.codeHash = oldHash;
    });
    touch(a);
  }

  @Override
  public boolean hasCollision(Address a) {
    Account acc = accounts.get(a);
    return acc != null && (acc.nonce != 0 || acc.code.length != 0
        || acc.storage.values().stream().anyMatch(v -> !v.isZero()));
  }

  @Override
  public void createAccount(Address a) {
    Account previous = accounts.get(a);
    Account fresh = new Account();
    if (previous != null) fresh.balance = previous.balance;
    accounts.put(a, fresh);
    journal(() -> {
      if (previous == null) {
        accounts.remove(a);
      } else {
        accounts.put(a, previous);
      }
    });
    markCreated(a);
  }

  @Override
  public Word storage(Address a, Word key) {
    Account acc = accounts.get(a);
    return acc == null ? Word.ZERO : acc.storage.getOrDefault(key, Word.ZERO);
  }

  @Override
  public Word originalStorage(Address a, Word key) {
    Account acc = accounts.get(a);
    return acc == null ? Word.ZERO : acc.original.getOrDefault(key, Word.ZERO);
  }

  @Override
  public void setStorage(Address a, Word key, Word value) {
    Account acc = accountForWrite(a);
    Word old = acc.storage.get(key);
    putOrRemove(acc.storage, key, value);
    journal(() -> putOrRemove(acc.storage, key, old));
  }

  private static void putOrRemove(Map<Word, Word> m, Word key, Word value) {
    if (value == null || value.isZero()) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
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
    Account acc = accounts.get(a);
    return acc == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(acc.storage));
  }

  /** All addresses that exist, sorted (for tests and state dumps). */
  public List<Address> addresses() {
    List<Address> list = new ArrayList<>(accounts.keySet());
    list.sort(null);
    return list;
  }
}
