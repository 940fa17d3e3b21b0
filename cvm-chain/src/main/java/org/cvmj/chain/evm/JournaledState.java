package org.cvmj.chain.evm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvmj.chain.crypto.Address;
import org.cvmj.chain.crypto.Keccak256;

/**
 * The one implementation of what every {@link WorldState} does the same way, whatever holds its accounts: the
 * undo journal behind {@link #snapshot()} and {@link #revertTo(int)}, and everything that lives for one
 * transaction only — EIP-2929 warm addresses and slots, the refund counter, logs, EIP-1153 transient storage, and
 * the created, self-destructed and touched sets that {@link #finishTransaction()} acts on — plus the balance and
 * nonce of an account, which are plain journaled fields whatever the backing.
 *
 * <p>Design: an abstract base class rather than a helper object both states delegate to, because nearly all of
 * this is the {@link WorldState} interface itself; a helper would leave each state with a screen of one-line
 * forwarding methods, i.e. the duplication again. A subclass says only what differs: where an account comes from
 * ({@link #account}, {@link #accountForWrite}, {@link #heldAccount}), how it is deleted, code, persistent storage
 * and its EIP-2200 original values, and how (or whether) the state is committed. Its mutations record their undo
 * steps with {@link #journal(Runnable)}; a snapshot is the journal length and reverting replays the undo steps
 * back to it, newest first.
 *
 * <p>Determinism: the transaction-scoped sets are hash sets, but nothing here iterates one in a way that can
 * change a result — {@link #finishTransaction()} only deletes accounts named in them, and deletions commute.
 *
 * @param <A> the subclass's account record, which carries the shared fields of {@link AccountFields}
 */
public abstract class JournaledState<A extends JournaledState.AccountFields> implements WorldState {
  /** keccak256 of empty code, the code hash of an account without code. */
  public static final Word EMPTY_CODE_HASH = Word.fromBytes(Keccak256.EMPTY.bytes());

  /** The fields every account record has, whatever else its state keeps with it. */
  protected static class AccountFields {
    public Word balance = Word.ZERO;
    public long nonce;
    /** keccak256 of the account's code, kept up to date by whoever sets the code. */
    public Word codeHash = EMPTY_CODE_HASH;
  }

  private record SlotKey(Address address, Word slot) {}

  private final Map<SlotKey, Word> transientStorage = new HashMap<>();
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Set<Address> created = new HashSet<>();
  private final Set<Address> selfDestructed = new HashSet<>();
  private final Set<Address> touched = new HashSet<>();
  private final List<Log> logs = new ArrayList<>();
  private long refund;
  private final List<Runnable> journal = new ArrayList<>();

  // ---- what a subclass provides ----

  /** The account, or null when it does not exist (a subclass may load it from its backing). */
  protected abstract A account(Address a);

  /** The account, created empty when missing; the creation is journaled. */
  protected abstract A accountForWrite(Address a);

  /** The account if this state already holds it in memory, without loading anything; null otherwise. */
  protected abstract A heldAccount(Address a);

  /** Deletes the account at the end of a transaction (not journaled: the journal is dropped then). */
  protected abstract void deleteAccount(Address a);

  /** At the end of a transaction: the current storage becomes the next transaction's original storage. */
  protected abstract void storageBecomesOriginal();

  // ---- for subclasses ----

  /** Records how to undo a mutation just made; {@link #revertTo(int)} runs it. */
  protected final void journal(Runnable undo) {
    journal.add(undo);
  }

  /** Remembers (journaled) that the account was created in this transaction; for {@link #createAccount}. */
  protected final void markCreated(Address a) {
    if (created.add(a)) {
      journal.add(() -> created.remove(a));
    }
  }

  /** Forgets the undo steps: what was done can no longer be reverted (a commit between transactions). */
  protected final void dropJournal() {
    journal.clear();
  }

  private static boolean isEmpty(AccountFields acc) {
    return acc.nonce == 0 && acc.balance.isZero() && acc.codeHash.equals(EMPTY_CODE_HASH);
  }

  // ---- balance and nonce ----

  @Override
  public final boolean exists(Address a) {
    return account(a) != null;
  }

  @Override
  public final boolean isEmpty(Address a) {
    A acc = account(a);
    return acc == null || isEmpty(acc);
  }

  @Override
  public final Word balance(Address a) {
    A acc = account(a);
    return acc == null ? Word.ZERO : acc.balance;
  }

  @Override
  public final void setBalance(Address a, Word balance) {
    A acc = accountForWrite(a);
    Word old = acc.balance;
    acc.balance = balance;
    journal.add(() -> acc.balance = old);
    touch(a);
  }

  @Override
  public final long nonce(Address a) {
    A acc = account(a);
    return acc == null ? 0 : acc.nonce;
  }

  @Override
  public final void setNonce(Address a, long nonce) {
    A acc = accountForWrite(a);
    long old = acc.nonce;
    acc.nonce = nonce;
    journal.add(() -> acc.nonce = old);
    touch(a);
  }

  @Override
  public final Word codeHash(Address a) {
    A acc = account(a);
    return acc == null ? Word.ZERO : acc.codeHash;
  }

  // ---- transaction-scoped account sets ----

  @Override
  public final boolean createdInThisTransaction(Address a) {
    return created.contains(a);
  }

  @Override
  public final void markSelfDestructed(Address a) {
    if (selfDestructed.add(a)) {
      journal.add(() -> selfDestructed.remove(a));
    }
  }

  @Override
  public final void touch(Address a) {
    if (touched.add(a)) {
      journal.add(() -> touched.remove(a));
    }
  }

  // ---- transient storage ----

  @Override
  public final Word transientStorage(Address a, Word key) {
    return transientStorage.getOrDefault(new SlotKey(a, key), Word.ZERO);
  }

  @Override
  public final void setTransientStorage(Address a, Word key, Word value) {
    SlotKey k = new SlotKey(a, key);
    Word old = value.isZero() ? transientStorage.remove(k) : transientStorage.put(k, value);
    journal.add(() -> {
      if (old == null) {
        transientStorage.remove(k);
      } else {
        transientStorage.put(k, old);
      }
    });
  }

  // ---- access sets ----

  @Override
  public final boolean isWarm(Address a) {
    return warmAddresses.contains(a);
  }

  @Override
  public final boolean warm(Address a) {
    if (!warmAddresses.add(a)) {
      return false;
    }
    journal.add(() -> warmAddresses.remove(a));
    return true;
  }

  @Override
  public final boolean isWarm(Address a, Word slot) {
    return warmSlots.contains(new SlotKey(a, slot));
  }

  @Override
  public final boolean warm(Address a, Word slot) {
    SlotKey k = new SlotKey(a, slot);
    if (!warmSlots.add(k)) {
      return false;
    }
    journal.add(() -> warmSlots.remove(k));
    return true;
  }

  // ---- refunds and logs ----

  @Override
  public final void addRefund(long gas) {
    refund += gas;
    journal.add(() -> refund -= gas);
  }

  @Override
  public final void subRefund(long gas) {
    if (gas > refund) {
      throw new IllegalStateException("refund counter below zero (" + refund + " - " + gas + "): SSTORE bug");
    }
    refund -= gas;
    journal.add(() -> refund += gas);
  }

  @Override
  public final long refund() {
    return refund;
  }

  @Override
  public final void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  @Override
  public final List<Log> logs() {
    return Collections.unmodifiableList(logs);
  }

  // ---- journaling ----

  @Override
  public final int snapshot() {
    return journal.size();
  }

  @Override
  public final void revertTo(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      journal.remove(i).run();
    }
  }

  /**
   * Deletes the self-destructed accounts and the touched accounts that are empty (only those this state holds:
   * an account never loaded was not changed), makes current storage original, and clears everything
   * transaction-scoped, the journal included.
   */
  @Override
  public final void finishTransaction() {
    for (Address a : selfDestructed) {
      deleteAccount(a);
    }
    for (Address a : touched) {
      A acc = heldAccount(a);
      if (acc != null && isEmpty(acc)) {
        deleteAccount(a);
      }
    }
    storageBecomesOriginal();
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
}
