package org.cvmj.chain.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Hash;
import org.cvmj.chain.crypto.Keccak256;
import org.cvmj.chain.evm.JournaledState;
import org.cvmj.chain.evm.Word;
import org.cvmj.chain.rlp.RlpException;
import org.cvmj.chain.rlp.RlpReader;
import org.cvmj.chain.rlp.RlpWriter;
import org.cvmj.chain.trie.MissingNodeException;
import org.cvmj.chain.trie.NodeStore;
import org.cvmj.chain.trie.SecureTrie;
import org.cvmj.chain.trie.Trie;

/**
 * A journaled world state whose committed contents live in a Merkle Patricia Trie: the secure account trie at
 * a state root, each account's secure storage trie at its storage root, and contract code stored in the same
 * {@link NodeStore} under its Keccak-256 (the code hash), so one store holds everything a state root commits to.
 *
 * <p>Design: a write-back cache in front of the tries. An account is read from the account trie the first time
 * it is used and then lives in the cache (an absent account is cached as absent); a storage slot is read from
 * the account's storage trie the first time it is used. Every mutation changes the cache only and records an
 * undo step in {@link JournaledState}'s journal (which also keeps everything transaction-scoped), so
 * {@link #snapshot()} and {@link #revertTo(int)} cost nothing extra. Loading from the trie is not journaled: it only fills the cache
 * with what the trie already says. {@link #commit()} writes the cached accounts and written slots back into the
 * tries (in address and slot order), commits their new nodes and any new code to the store and returns the new
 * state root; the base tries are never modified before that, so the state at an older root stays readable.
 *
 * <p>For a block: build it over a {@link org.cvmj.chain.db.PendingNodes} on the database's node store, run the
 * transactions, {@link #commit()}, then hand the pending nodes to the database with the block. A state that is
 * never committed is a throwaway copy (eth_call): it reads the store and writes nothing.
 *
 * <p>EIP-7610's "has storage" test of {@link #hasCollision} is answered from the committed storage root (plus
 * slots written since); a trie whose slots were all zeroed since the last commit still counts as storage.
 */
public final class TrieWorldState extends JournaledState<TrieWorldState.Account> {
  static final class Account extends JournaledState.AccountFields {
    byte[] code; // null until loaded
    boolean codeDirty;
    /** The committed storage trie's root; EMPTY after CREATE dropped the storage. */
    Hash storageRoot = Trie.EMPTY_ROOT;
    /** Slots read from the storage trie (cache, never journaled). */
    final Map<Word, Word> committed = new HashMap<>();
    /** Slots written since the last commit: current values, zero included. */
    Map<Word, Word> storage = new HashMap<>();
    /** Slots written before this transaction: the EIP-2200 original values of those slots. */
    Map<Word, Word> original = new HashMap<>();
  }

  private final NodeStore store;
  private SecureTrie accountTrie;
  /** The cache: an address maps to its account, or to null when it is known not to exist. */
  private final Map<Address, Account> accounts = new HashMap<>();

  /** The state with root {@code stateRoot}, whose nodes and code are in {@code store}. */
  public TrieWorldState(NodeStore store, Hash stateRoot) {
    this.store = store;
    this.accountTrie = new SecureTrie(store, stateRoot);
  }

  /** The empty state over {@code store}. */
  public TrieWorldState(NodeStore store) {
    this(store, Trie.EMPTY_ROOT);
  }

  /** The root of the state as last committed (or as opened); uncommitted changes are not included. */
  public Hash committedRoot() {
    return accountTrie.rootHash();
  }

  // ---- loading ----

  @Override
  protected Account account(Address a) {
    if (accounts.containsKey(a)) {
      return accounts.get(a);
    }
    Account acc = load(a);
    accounts.put(a, acc);
    return acc;
  }

  private Account load(Address a) {
    byte[] encoded = accountTrie.get(a.bytes());
    if (encoded == null) {
      return null;
    }
    try {
      RlpReader r = new RlpReader(encoded).readList();
      Account acc = new Account();
      acc.nonce = r.readLong();
      acc.balance = Word.fromBigInteger(r.readBigInteger(32));
      acc.storageRoot = new Hash(r.readFixed(Hash.LENGTH));
      acc.codeHash = Word.fromBytes(r.readFixed(32));
      r.requireEnd();
      return acc;
    } catch (RlpException | IllegalArgumentException e) {
      throw new IllegalStateException("the state trie holds a damaged account record for " + a + ": "
          + e.getMessage(), e);
    }
  }

  private byte[] loadCode(Account acc) {
    if (acc.code == null) {
      if (acc.codeHash.equals(EMPTY_CODE_HASH)) {
        acc.code = new byte[0];
      } else {
        Hash h = new Hash(acc.codeHash.toBytes());
        byte[] c = store.get(h);
        if (c == null) {
          throw new MissingNodeException(h, "(contract code) is not in the node store");
        }
        acc.code = c;
      }
    }
    return acc.code;
  }

  /** The slot's committed value: from the storage trie unless CREATE dropped it. */
  private Word committedSlot(Account acc, Word key) {
    Word v = acc.committed.get(key);
    if (v == null) {
      v = Word.ZERO;
      if (!acc.storageRoot.equals(Trie.EMPTY_ROOT)) {
        byte[] encoded = new SecureTrie(store, acc.storageRoot).get(key.toBytes());
        if (encoded != null) {
          try {
            v = Word.fromBytes(new RlpReader(encoded).readBytes());
          } catch (RlpException | IllegalArgumentException e) {
            throw new IllegalStateException("a storage trie holds a damaged slot value: " + e.getMessage(), e);
          }
        }
      }
      acc.committed.put(key, v);
    }
    return v;
  }

  @Override
  protected Account accountForWrite(Address a) {
    Account acc = account(a);
    if (acc == null) {
      Account fresh = new Account();
      fresh.code = new byte[0];
      accounts.put(a, fresh);
      journal(() -> accounts.put(a, null));
      acc = fresh;
    }
    return acc;
  }

  /** Only what the cache holds: an account never loaded was not changed in this transaction. */
  @Override
  protected Account heldAccount(Address a) {
    return accounts.get(a);
  }

  /** Cached as absent, so that {@link #commit()} deletes it from the trie. */
  @Override
  protected void deleteAccount(Address a) {
    accounts.put(a, null);
  }

  @Override
  protected void storageBecomesOriginal() {
    for (Account acc : accounts.values()) {
      if (acc != null && !acc.storage.isEmpty()) {
        acc.original = new HashMap<>(acc.storage);
      }
    }
  }

  // ---- accounts ----

  @Override
  public byte[] code(Address a) {
    Account acc = account(a);
    return acc == null ? new byte[0] : loadCode(acc).clone();
  }

  @Override
  public void setCode(Address a, byte[] code) {
    Account acc = accountForWrite(a);
    byte[] oldCode = acc.code;
    Word oldHash = acc.codeHash;
    boolean oldDirty = acc.codeDirty;
    acc.code = code.clone();
    acc.codeHash = Word.fromBytes(Keccak256.digest(code));
    acc.codeDirty = true;
    journal(() -> {
      acc.code = oldCode;
      acc.codeHash = oldHash;
      acc.codeDirty = oldDirty;
    });
    touch(a);
  }

  @Override
  public boolean hasCollision(Address a) {
    Account acc = account(a);
    if (acc == null) {
      return false;
    }
    return acc.nonce != 0 || !acc.codeHash.equals(EMPTY_CODE_HASH) || !acc.storageRoot.equals(Trie.EMPTY_ROOT)
        || acc.storage.values().stream().anyMatch(v -> !v.isZero());
  }

  @Override
  public void createAccount(Address a) {
    Account previous = account(a);
    Account fresh = new Account();
    fresh.code = new byte[0];
    if (previous != null) {
      fresh.balance = previous.balance;
    }
    accounts.put(a, fresh);
    journal(() -> accounts.put(a, previous));
    markCreated(a);
  }

  // ---- storage ----

  @Override
  public Word storage(Address a, Word key) {
    Account acc = account(a);
    if (acc == null) {
      return Word.ZERO;
    }
    Word v = acc.storage.get(key);
    return v != null ? v : committedSlot(acc, key);
  }

  @Override
  public Word originalStorage(Address a, Word key) {
    Account acc = account(a);
    if (acc == null) {
      return Word.ZERO;
    }
    Word v = acc.original.get(key);
    return v != null ? v : committedSlot(acc, key);
  }

  @Override
  public void setStorage(Address a, Word key, Word value) {
    Account acc = accountForWrite(a);
    Word old = acc.storage.put(key, value);
    journal(() -> {
      if (old == null) {
        acc.storage.remove(key);
      } else {
        acc.storage.put(key, old);
      }
    });
  }

  // ---- commit ----

  /**
   * Writes every cached account and written slot into the tries, puts their new nodes and any new contract code
   * into the store, and returns the new state root. Call it between transactions (after
   * {@link #finishTransaction()}, or after setting up accounts outside any transaction, as a genesis does); the
   * journal is dropped, and the state continues from the new root with an empty cache.
   */
  public Hash commit() {
    dropJournal();
    SecureTrie trie = accountTrie.snapshot();
    for (Map.Entry<Address, Account> e : new TreeMap<>(accounts).entrySet()) {
      Address a = e.getKey();
      Account acc = e.getValue();
      if (acc == null) {
        trie.delete(a.bytes());
        continue;
      }
      Hash storageRoot = acc.storageRoot;
      if (!acc.storage.isEmpty()) {
        SecureTrie st = storageRoot.equals(Trie.EMPTY_ROOT) ? new SecureTrie(store)
            : new SecureTrie(store, storageRoot);
        for (Map.Entry<Word, Word> slot : new TreeMap<>(acc.storage).entrySet()) {
          if (slot.getValue().isZero()) {
            st.delete(slot.getKey().toBytes());
          } else {
            st.put(slot.getKey().toBytes(), RlpWriter.encodeBytes(withoutLeadingZeros(slot.getValue().toBytes())));
          }
        }
        storageRoot = st.commit();
      }
      if (acc.codeDirty && acc.code.length > 0) {
        store.put(new Hash(acc.codeHash.toBytes()), acc.code);
      }
      trie.put(a.bytes(), StateRoot.account(acc.nonce, acc.balance, storageRoot, acc.codeHash));
    }
    Hash root = trie.commit();
    accountTrie = trie;
    accounts.clear();
    return root;
  }

  /** The root the state would have if committed now, without writing anything. */
  public Hash rootHash() {
    return new TrieWorldState(new OverlayStore(store), committedRoot()).copyFrom(this).commit();
  }

  private TrieWorldState copyFrom(TrieWorldState other) {
    for (Map.Entry<Address, Account> e : other.accounts.entrySet()) {
      Account src = e.getValue();
      if (src == null) {
        accounts.put(e.getKey(), null);
        continue;
      }
      Account acc = new Account();
      acc.balance = src.balance;
      acc.nonce = src.nonce;
      acc.codeHash = src.codeHash;
      acc.code = src.code;
      acc.codeDirty = src.codeDirty;
      acc.storageRoot = src.storageRoot;
      acc.storage = new HashMap<>(src.storage);
      accounts.put(e.getKey(), acc);
    }
    return this;
  }

  /** Reads through to a store, keeps writes to itself. */
  private static final class OverlayStore implements NodeStore {
    private final NodeStore base;
    private final Map<Hash, byte[]> written = new HashMap<>();

    OverlayStore(NodeStore base) {
      this.base = base;
    }

    @Override
    public byte[] get(Hash hash) {
      byte[] b = written.get(hash);
      return b != null ? b : base.get(hash);
    }

    @Override
    public void put(Hash hash, byte[] encoded) {
      written.put(hash, encoded);
    }
  }

  private static byte[] withoutLeadingZeros(byte[] b) {
    int i = 0;
    while (i < b.length && b[i] == 0) {
      i++;
    }
    return Arrays.copyOfRange(b, i, b.length);
  }
}
